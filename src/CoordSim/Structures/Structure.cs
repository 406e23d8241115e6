using CoordSim.Mechanisms;

namespace CoordSim.Structures;

/// <summary>
/// A coordination structure as data: a name, what it is, and how it turns parameters into an
/// organisation graph (people, bodies, desks) and a routing policy. Immutable; one structure
/// value can be run with many parameter sets and seeds. The canonical forms are made by the
/// static factories (<see cref="Hierarchy"/>, ...); <see cref="StructureCatalog"/> finds them by name.
/// </summary>
public abstract record Structure
{
    /// <summary>Stable name used on the command line and in result files, for example "hierarchy".</summary>
    public abstract string Name { get; }

    /// <summary>One sentence on how the structure routes issues.</summary>
    public abstract string Description { get; }

    /// <summary>Builds the organisation and the routing policy for one run with <paramref name="parameters"/>.</summary>
    internal abstract (Organisation.Organisation Organisation, RoutingPolicy Policy) Build(Parameters parameters);

    /// <summary>
    /// The organisation this structure sets up for a run with <paramref name="parameters"/>: its people, desks
    /// (with their attention shares) and coordination bodies, to inspect before or after running it.
    /// </summary>
    public Organisation.Organisation Organise(Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.EnsureValid();
        return Build(parameters).Organisation;
    }

    /// <summary>The strict departmental hierarchy (model.md §4.1).</summary>
    public static Structure Hierarchy() => new HierarchyStructure();

    /// <summary>Leading group above the hierarchy (model.md §4.2).</summary>
    public static Structure LeadingGroup() => new BodyStructure(
        "leading-group",
        "Leading group: the primary head refers cross-department issues to the group's office, which consults the member heads with the group's authority; the contested and what heads escalate for cover wait for a plenary, special or emergency meeting; decisions go down each chain.",
        [new StructureBody("leading-group", BodyDesign.LeadingGroup)]);

    /// <summary>Task force across departments (model.md §4.3).</summary>
    public static Structure TaskForce() => new BodyStructure(
        "task-force",
        "Task force: cross-department issues go from the frontline to the department's liaison and are settled on the spot (emergencies by the lead); the contested wait for the monthly consultation; weekly reviews press old items; one lateral hop to seconded executors.",
        [new StructureBody("task-force", BodyDesign.TaskForce)]);

    /// <summary>Command headquarters: one commander decides (model.md §4.4).</summary>
    public static Structure CommandHeadquarters() => new BodyStructure(
        "command-hq",
        "Command headquarters: the commander (the government head) decides every emergency and every crisis issue as it comes, straight from the frontline; orders go down each chain; the rest follows the hierarchy.",
        [new StructureBody("command-hq", BodyDesign.CommandHeadquarters)]);

    /// <summary>
    /// A leading group above task forces (model.md §4.5; Liu &amp; Liu 2022, "8 members lead 8 task forces"): the task
    /// forces take the cross-department issues as the task-force structure does, each chaired by a department head
    /// who sits on the group, and send what is contested to the group's plenary, which decides it collectively and
    /// hands it back to the task force to carry out. The group takes no issue of its own, only these and what
    /// member heads escalate to it for cover.
    /// </summary>
    public static Structure LeadingGroupOverTaskForces() => new BodyStructure(
        "group-task-forces",
        "Leading group above task forces: cross-department issues go from the frontline to the task force's liaison and are settled on the spot; the contested go in writing to the group's quarterly plenary (or a special or emergency meeting), which decides them collectively, and the task force's executors carry the decision out; heads escalate to the group for cover.",
        [
            new StructureBody("task-force", BodyDesign.TaskForce) { Parent = 1 },
            new StructureBody("leading-group", BodyDesign.LeadingGroup) { Fixed = [BodySetting.Create("coversCrossDepartment", false)] },
        ]);

    /// <summary>
    /// S1's leading-hub decision mode (model.md §4.5): a task force whose decisions come from a hub, the office of the
    /// government head's leading group, which consults the main and auxiliary departments with the body's authority;
    /// the task force's liaisons bring the issues in and its executors carry the decisions out. The catalogue's task
    /// force is S1's other mode, the lead-department mode.
    /// </summary>
    public static Structure TaskForceHub() => new BodyStructure(
        "task-force-hub",
        "Task force in S1's leading-hub mode: cross-department issues go from the frontline to the department's liaison and on to the hub office, which consults the member heads with the body's authority; the contested wait for the monthly consultation chaired by the government head; the task force's executors act one hop away.",
        [
            new StructureBody("task-force", BodyDesign.TaskForce)
            {
                Fixed =
                [
                    BodySetting.Create("chair", "government-head"), BodySetting.Create("chairSeconded", false),
                    BodySetting.Create("handling", "office"), BodySetting.Create("officeStaff", 3),
                ],
            },
        ]);

    /// <summary>
    /// Multi-level task forces (model.md §4.5; S2's second- and third-level task forces, S1's Quzhou task force of five
    /// groups): five second-level groups take the cross-department issues as task forces do and send the contested up
    /// to the first-level task force, which decides them at its monthly consultation under the government head; the
    /// group that sent an issue carries the decision out.
    /// </summary>
    public static Structure TaskForceLevels() => new BodyStructure(
        "task-force-levels",
        "Multi-level task forces: five second-level groups settle cross-department issues on the spot as task forces do; the contested go in writing to the first-level task force's monthly consultation under the government head, whose decision the group's executors carry out.",
        [
            new StructureBody("task-force", BodyDesign.TaskForce) { Parent = 1, Fixed = [BodySetting.Create("count", 5), BodySetting.Create("name", "second-level group")] },
            new StructureBody("task-force", BodyDesign.TaskForce)
            {
                Fixed =
                [
                    BodySetting.Create("name", "first-level task force"), BodySetting.Create("function", "decision-focused"),
                    BodySetting.Create("chair", "government-head"), BodySetting.Create("chairSeconded", false),
                    BodySetting.Create("coversCrossDepartment", false), BodySetting.Create("entryFromFrontline", false),
                    BodySetting.Create("count", 1),
                ],
            },
        ]);

    /// <summary>Grid platform (model.md §4.8; S5): grids that solve or report, a command centre that dispatches, joint conferences on demand, and a revisit that reopens wrongly closed issues.</summary>
    public static Structure GridPlatform() => new GridStructure();

    /// <summary>Flattened hierarchy (model.md §4.7; S4): a level removed, staff capped, spans widened, and optionally authority-less platform units between the frontline and the line.</summary>
    public static Structure Flattened() => new FlattenedStructure();

    /// <summary>Office / working group: execution-focused and collective (model.md §4.4).</summary>
    public static Structure Office() => new BodyStructure(
        "office",
        "Office / working group: department heads refer cross-department issues to the office, which consults the member heads and hands decisions to its seconded executors; the contested wait for its weekly meeting.",
        [new StructureBody("office", BodyDesign.Office)]);
}
