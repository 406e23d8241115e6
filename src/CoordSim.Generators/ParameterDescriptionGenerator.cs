using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CoordSim.Generators;

/// <summary>
/// Makes the XML doc comment the single description of every model parameter and every field of a body
/// design: for each property carrying <c>CoordSim.ParameterAttribute</c> (or
/// <c>CoordSim.Structures.BodyFieldAttribute</c>) it reads the <c>&lt;summary&gt;</c>, turns it into one line of
/// plain text and emits the body of <c>ParameterDescriptions.Of(propertyName)</c> (or
/// <c>BodyFieldDescriptions.Of(propertyName)</c>), which <c>ParameterInfo.Meaning</c> (or
/// <c>BodyDesignField.Meaning</c>) reads. A parameter or field without a summary is error CSG001. The meanings are the
/// same whether or not the compilation parses doc comments: where it does not, the <c>///</c> lines are read as text.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ParameterDescriptionGenerator : IIncrementalGenerator
{
    private const string AttributeName = "CoordSim.ParameterAttribute";
    private const string BodyFieldAttributeName = "CoordSim.Structures.BodyFieldAttribute";

    private static readonly DiagnosticDescriptor MissingSummary = new(
        id: "CSG001",
        title: "A parameter has no description",
        messageFormat: "Parameter property '{0}' has no <summary> in its XML doc comment; the summary is the parameter's only description (catalog, 'coordsim params', docs/model.md)",
        category: "CoordSim.Parameters",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Write a /// <summary> on the property. The generator reads the compiler's documentation XML where doc comments are parsed (GenerateDocumentationFile) and the /// lines themselves where they are not.");

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parameters = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            predicate: static (node, _) => node is PropertyDeclarationSyntax,
            transform: static (ctx, ct) => Describe(ctx.TargetSymbol, ctx.TargetNode, ct));

        context.RegisterSourceOutput(parameters.Collect(), static (spc, found) => Emit(spc, found, "CoordSim", "ParameterDescriptions", "[Parameter]"));

        var bodyFields = context.SyntaxProvider.ForAttributeWithMetadataName(
            BodyFieldAttributeName,
            predicate: static (node, _) => node is PropertyDeclarationSyntax,
            transform: static (ctx, ct) => Describe(ctx.TargetSymbol, ctx.TargetNode, ct));

        context.RegisterSourceOutput(bodyFields.Collect(), static (spc, found) => Emit(spc, found, "CoordSim.Structures", "BodyFieldDescriptions", "[BodyField]"));
    }

    private static ParameterDoc Describe(ISymbol property, SyntaxNode node, CancellationToken cancellationToken)
    {
        var xml = property.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        if (string.IsNullOrEmpty(xml))
        {
            // A compilation that does not parse doc comments (DocumentationMode.None, as a tool that recompiles the
            // sources may use) gives no XML; the /// lines are still there as plain comments.
            xml = DocumentationFromComments(node);
        }

        var summary = SummaryText.FromDocumentationXml(xml);
        var location = node is PropertyDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : node.GetLocation();
        return new ParameterDoc(property.Name, summary, SourceSpot.Of(location));
    }

    /// <summary>
    /// The <c>///</c> lines in front of <paramref name="node"/>, without their slashes, wrapped in one
    /// <c>&lt;member&gt;</c> element as the compiler would write them; empty when there are none.
    /// </summary>
    private static string DocumentationFromComments(SyntaxNode node)
    {
        // Without parsed doc comments each /// line is a plain single-line comment of its own, without its line end.
        var lines = new StringBuilder();
        foreach (var trivia in node.GetLeadingTrivia())
        {
            var text = trivia.ToString();
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && text.StartsWith("///", StringComparison.Ordinal) && !text.StartsWith("////", StringComparison.Ordinal))
            {
                lines.Append(text, 3, text.Length - 3).Append('\n');
            }
        }

        return lines.Length == 0 ? "" : "<member>\n" + lines + "</member>";
    }

    private static void Emit(SourceProductionContext context, ImmutableArray<ParameterDoc> found, string ns, string className, string attribute)
    {
        // Nothing to describe: emit nothing, so the generator is inert in a project without parameters.
        if (found.IsDefaultOrEmpty)
        {
            return;
        }

        var code = new StringBuilder();
        code.Append("// <auto-generated/>\n");
        code.Append("// By CoordSim.Generators.ParameterDescriptionGenerator from the <summary> of every ").Append(attribute).Append(" property.\n");
        code.Append("#nullable enable\n\n");
        code.Append("namespace ").Append(ns).Append(";\n\n");
        code.Append("internal static partial class ").Append(className).Append("\n{\n");
        code.Append("    internal static partial string Of(string propertyName) => propertyName switch\n    {\n");
        foreach (var parameter in found.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(parameter.Summary))
            {
                context.ReportDiagnostic(Diagnostic.Create(MissingSummary, parameter.Spot.ToLocation(), parameter.Name));
                continue;
            }

            code.Append("        ")
                .Append(SymbolDisplay.FormatLiteral(parameter.Name, quote: true))
                .Append(" => ")
                .Append(SymbolDisplay.FormatLiteral(parameter.Summary, quote: true))
                .Append(",\n");
        }

        code.Append("        _ => \"\",\n    };\n}\n");
        context.AddSource(className + ".g.cs", SourceText.From(code.ToString(), Encoding.UTF8));
    }

    /// <summary>What the generator keeps of one parameter: plain values, so the pipeline caches by equality.</summary>
    private sealed record ParameterDoc(string Name, string Summary, SourceSpot Spot);

    /// <summary>A source location as plain values (a <see cref="Location"/> would hold the syntax tree alive).</summary>
    private sealed record SourceSpot(string Path, TextSpan Span, LinePositionSpan Lines)
    {
        public static SourceSpot Of(Location location) =>
            new(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span);

        public Location ToLocation() => Location.Create(Path, Span, Lines);
    }
}
