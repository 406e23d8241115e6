using CoordSim.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CoordSim.Tests.Organisation;

/// <summary>The generator that makes each parameter's doc-comment summary its meaning, run on small sample sources.</summary>
public class ParameterDescriptionGeneratorTests
{
    // What the generator relies on in CoordSim: the attribute and the partial method it implements.
    private const string Declarations = """
        namespace CoordSim;

        [System.AttributeUsage(System.AttributeTargets.Property)]
        public sealed class ParameterAttribute(string group) : System.Attribute
        {
            public string Group { get; } = group;
        }

        internal static partial class ParameterDescriptions
        {
            internal static partial string Of(string propertyName);
        }

        public sealed class Foo
        {
            public int Bar { get; init; }
        }
        """;

    private static (GeneratorDriverRunResult Result, Compilation Output) Run(string source, DocumentationMode mode = DocumentationMode.Diagnose)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, mode);
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(Declarations, options), CSharpSyntaxTree.ParseText(source, options)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new ParameterDescriptionGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    private static string Generated(GeneratorDriverRunResult result) =>
        Assert.Single(Assert.Single(result.Results).GeneratedSources).SourceText.ToString();

    // None is how a tool that recompiles the sources (Stryker.NET) parses them: doc comments are plain comments there,
    // and the meanings must not go empty, or every test that reads one fails whatever the mutant.
    [Theory]
    [InlineData(DocumentationMode.Diagnose)]
    [InlineData(DocumentationMode.Parse)]
    [InlineData(DocumentationMode.None)]
    public void The_summary_becomes_one_line_of_plain_text(DocumentationMode mode)
    {
        var (result, output) = Run(mode: mode, source: """
            namespace CoordSim;

            public sealed record Sample
            {
                /// <summary>
                ///   Uses <c>code</c>, <see cref="Foo"/>, <see cref="Foo.Bar"/>,
                ///   <see langword="null"/> and "quotes"   across lines.
                /// </summary>
                [Parameter("Group")]
                public int Alpha { get; init; }
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("\"Alpha\" => \"Uses code, Foo, Bar, null and \\\"quotes\\\" across lines.\",", Generated(result), StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData(DocumentationMode.Diagnose)]
    [InlineData(DocumentationMode.None)]
    public void A_parameter_without_a_summary_is_error_CSG001(DocumentationMode mode)
    {
        const string source = """
            namespace CoordSim;

            public sealed record Sample
            {
                /// <summary>Described.</summary>
                [Parameter("Group")]
                public int Alpha { get; init; }

                /// <remarks>Remarks are not a summary.</remarks>
                [Parameter("Group")]
                public int Beta { get; init; }

                [Parameter("Group")]
                public int Gamma { get; init; }
            }
            """;
        var (result, _) = Run(source, mode);

        Assert.Equal(["Beta", "Gamma"], result.Diagnostics.Select(d =>
        {
            Assert.Equal("CSG001", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            return source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
        }));
        Assert.Contains("\"Alpha\" => \"Described.\",", Generated(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_parsed_doc_comments_only_the_triple_slash_lines_are_read()
    {
        var (result, _) = Run(mode: DocumentationMode.None, source: """
            namespace CoordSim;

            public sealed record Sample
            {
                // An ordinary comment.
                /// <summary>Only this,</summary>
                //// nor this,
                /// <remarks>not this.</remarks>
                [Parameter("Group")]
                public int Alpha { get; init; }
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("\"Alpha\" => \"Only this,\",", Generated(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_emitted_where_no_property_is_a_parameter()
    {
        var (result, _) = Run("namespace CoordSim; public sealed record Sample(int Alpha);");

        Assert.Empty(result.Diagnostics);
        Assert.Empty(Assert.Single(result.Results).GeneratedSources);
    }
}
