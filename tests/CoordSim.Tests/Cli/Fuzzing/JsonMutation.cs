using System.Globalization;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// One edit of a JSON tree. Each picks its member or node by an index taken modulo the number there are when it
/// applies, so that any list of edits applies to any tree and removing one (FsCheck's shrinking) leaves a case that
/// still applies.
/// </summary>
public abstract record JsonMutation
{
    /// <summary>Applies the edit to <paramref name="root"/> in place, or returns a new root.</summary>
    public abstract JsonTree Apply(JsonTree root);

    private protected static int At(int index, int count) => (int)((uint)index % (uint)count);

    private protected static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every (object, member index) of the tree, in document order.</summary>
    private protected static List<(JsonObjectTree Owner, int Index)> Members(JsonTree root) =>
        root.Nodes().OfType<JsonObjectTree>().SelectMany(o => Enumerable.Range(0, o.Members.Count).Select(i => (o, i))).ToList();

    /// <summary>Replaces node number <paramref name="index"/> (document order) by <paramref name="replacement"/>; the root when it is node 0.</summary>
    private protected static JsonTree ReplaceNode(JsonTree root, int index, Func<JsonTree, JsonTree> replacement)
    {
        var nodes = root.Nodes().ToList();
        var target = nodes[At(index, nodes.Count)];
        if (ReferenceEquals(target, root))
        {
            return replacement(root);
        }

        foreach (var node in nodes)
        {
            switch (node)
            {
                case JsonObjectTree o:
                    for (var i = 0; i < o.Members.Count; i++)
                    {
                        if (ReferenceEquals(o.Members[i].Value, target))
                        {
                            o.Members[i] = o.Members[i] with { Value = replacement(target) };
                            return root;
                        }
                    }

                    break;
                case JsonArrayTree a:
                    for (var i = 0; i < a.Items.Count; i++)
                    {
                        if (ReferenceEquals(a.Items[i], target))
                        {
                            a.Items[i] = replacement(target);
                            return root;
                        }
                    }

                    break;
            }
        }

        return root;
    }
}

/// <summary>Deletes a member of an object.</summary>
public sealed record DeleteMember(int Index) : JsonMutation
{
    /// <inheritdoc/>
    public override JsonTree Apply(JsonTree root)
    {
        var members = Members(root);
        if (members.Count > 0)
        {
            var (owner, i) = members[At(Index, members.Count)];
            owner.Members.RemoveAt(i);
        }

        return root;
    }

    /// <inheritdoc/>
    public override string ToString() => $"delete member {I(Index)}";
}

/// <summary>Repeats a member of an object right after itself, same key (a duplicate key).</summary>
public sealed record DuplicateMember(int Index) : JsonMutation
{
    /// <inheritdoc/>
    public override JsonTree Apply(JsonTree root)
    {
        var members = Members(root);
        if (members.Count > 0)
        {
            var (owner, i) = members[At(Index, members.Count)];
            owner.Members.Insert(i + 1, owner.Members[i] with { Value = owner.Members[i].Value.Copy() });
        }

        return root;
    }

    /// <inheritdoc/>
    public override string ToString() => $"duplicate member {I(Index)}";
}

/// <summary>Renames a member (a near-miss name, another real name, an empty or strange key).</summary>
public sealed record RenameMember(int Index, string Key) : JsonMutation
{
    /// <inheritdoc/>
    public override JsonTree Apply(JsonTree root)
    {
        var members = Members(root);
        if (members.Count > 0)
        {
            var (owner, i) = members[At(Index, members.Count)];
            owner.Members[i] = owner.Members[i] with { Key = Key };
        }

        return root;
    }

    /// <inheritdoc/>
    public override string ToString() => $"rename member {I(Index)} to {HostileValue.Escape(Key)}";
}

/// <summary>Adds a member to an object (or, when the tree has no object, makes the root one): a real or near-miss name with a hostile value.</summary>
public sealed record AddMember(int Index, string Key, string Raw) : JsonMutation
{
    /// <inheritdoc/>
    public override JsonTree Apply(JsonTree root)
    {
        var objects = root.Nodes().OfType<JsonObjectTree>().ToList();
        if (objects.Count == 0)
        {
            return new JsonObjectTree([new JsonMember(Key, new JsonScalar(Raw))]);
        }

        objects[At(Index, objects.Count)].Members.Add(new JsonMember(Key, new JsonScalar(Raw)));
        return root;
    }

    /// <inheritdoc/>
    public override string ToString() => $"add member {HostileValue.Escape(Key)}: {HostileValue.Escape(Raw)} to object {I(Index)}";
}

/// <summary>
/// Replaces a node by raw JSON text: another type (a number in quotes, in an array or an object, null, a boolean), an
/// extreme number, a wrong kind, a deeply nested array; the text may be no valid JSON (<c>NaN</c>).
/// </summary>
public sealed record ReplaceValue(int Index, string Raw) : JsonMutation
{
    /// <inheritdoc/>
    public override JsonTree Apply(JsonTree root) => ReplaceNode(root, Index, _ => new JsonScalar(Raw));

    /// <inheritdoc/>
    public override string ToString() => $"node {I(Index)} := {HostileValue.Escape(Raw)}";
}

/// <summary>Changes a node's type while keeping its content: a value wrapped in an array, in an object, or written as a string.</summary>
public sealed record ChangeType(int Index, int Kind) : JsonMutation
{
    /// <inheritdoc/>
    public override JsonTree Apply(JsonTree root) => ReplaceNode(root, Index, node => (Kind % 4, node) switch
    {
        (0, _) => new JsonArrayTree([node]),
        (1, _) => new JsonObjectTree([new JsonMember("value", node)]),
        (2, JsonScalar s) when !s.Raw.StartsWith('"') => new JsonScalar(JsonTree.Quote(s.Raw)),
        (2, JsonScalar s) => new JsonScalar(s.Raw.Trim('"')),
        (2, _) => new JsonScalar(JsonTree.Quote(node.Write())),
        (_, JsonArrayTree a) when a.Items.Count > 0 => a.Items[0],
        (_, JsonObjectTree o) when o.Members.Count > 0 => o.Members[0].Value,
        _ => new JsonScalar("null"),
    });

    /// <inheritdoc/>
    public override string ToString() => $"node {I(Index)} {(Kind % 4) switch { 0 => "wrapped in an array", 1 => "wrapped in an object", 2 => "quoted or unquoted", _ => "unwrapped" }}";
}
