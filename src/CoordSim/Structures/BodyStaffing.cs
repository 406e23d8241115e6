using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// Who staffs one coordination body and at which desks: its chair and chair desk, a liaison desk
/// per department (when issues enter from the frontline) and the seconded executors' desks per
/// department (execution-focused bodies), and the categories it covers.
/// </summary>
/// <param name="Body">The body in the organisation.</param>
/// <param name="ChairDesk">Desk at which the chair decides items one by one, or −1 when the chair only meets.</param>
/// <param name="LiaisonDesks">Per department, the liaison's desk, or −1.</param>
/// <param name="ExecutorDesks">Per department, the seconded executors' desks (empty for decision-focused bodies).</param>
/// <param name="Categories">Bit mask of the issue categories the body covers.</param>
public sealed record BodyStaffing(CoordinationBody Body, int ChairDesk, int[] LiaisonDesks, int[][] ExecutorDesks, int Categories)
{
    /// <summary>
    /// Staffs <paramref name="design"/>.Count bodies on top of the hierarchy in <paramref name="builder"/>.
    /// Seconded members give <see cref="BodyDesign.SecondmentShare"/> of their capacity, split evenly across
    /// their memberships; with <see cref="BodyDesign.MembershipsPerPerson"/> = k, bodies i and j share their
    /// officials when i / k = j / k.
    /// </summary>
    public static BodyStaffing[] Staff(OrganisationBuilder builder, Parameters p, BodyDesign design)
    {
        var categories = Enum.GetValues<Workload.IssueCategory>().Length;
        var count = Math.Min(design.Count, categories);
        var plans = new List<Plan>();
        var memberships = new Dictionary<int, int>();
        void Second(int person) => memberships[person] = memberships.GetValueOrDefault(person) + 1;
        for (var i = 0; i < count; i++)
        {
            var mask = 0;
            for (var c = 0; c < categories; c++)
            {
                if (c % count == i)
                {
                    mask |= 1 << c;
                }
            }

            var leadDepartment = i % p.Departments;
            var chair = design.Chair == BodyChair.GovernmentHead ? 0 : builder.HeadOf(leadDepartment);
            var group = i / Math.Max(1, design.MembershipsPerPerson);
            var members = new List<int> { chair };
            var liaisons = new int[p.Departments];
            var executors = new int[p.Departments][];
            Array.Fill(liaisons, -1);
            for (var d = 0; d < p.Departments; d++)
            {
                executors[d] = [];
                if (design.Function == BodyFunction.DecisionFocused)
                {
                    members.Add(builder.HeadOf(d));
                    continue;
                }

                if (design.EntryFromFrontline)
                {
                    // The liaison: an officer one level below the head (the head itself in a one-level department).
                    liaisons[d] = p.Levels >= 2 ? builder.HeadOf(d) + 1 + (group % p.Span) : builder.HeadOf(d);
                    members.Add(liaisons[d]);
                    Second(liaisons[d]);
                }

                // Distinct people only: a department with fewer frontline people than executorsPerDepartment
                // seconds each of them once rather than one person several times, and the liaison (a frontline
                // person when a department has two levels) is not also an executor unless nobody else is there.
                var frontline = builder.FrontlineCount(d);
                var liaisonIsFrontline = liaisons[d] >= 0 && builder.LevelOf(liaisons[d]) == 0;
                var available = liaisonIsFrontline && frontline > 1 ? frontline - 1 : frontline;
                var perDepartment = Math.Min(design.ExecutorsPerDepartment, available);
                executors[d] = new int[perDepartment];
                var position = group * perDepartment;
                for (var e = 0; e < perDepartment; e++, position++)
                {
                    var executor = builder.Frontline(d, position % frontline);
                    if (executor == liaisons[d] && frontline > 1)
                    {
                        executor = builder.Frontline(d, ++position % frontline);
                    }

                    executors[d][e] = executor;
                    members.Add(executors[d][e]);
                    Second(executors[d][e]);
                }
            }

            if (design.ChairSeconded)
            {
                Second(chair);
            }

            plans.Add(new Plan(chair, members, liaisons, executors, mask));
        }

        builder.WithSwitchingOverhead(design.SwitchingOverhead);
        var staffing = new BodyStaffing[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var desks = new List<(int Person, double Share)>();
            double Share(int person) => design.SecondmentShare / memberships[person];
            if (design.ChairSeconded)
            {
                desks.Add((plan.Chair, Share(plan.Chair)));
            }

            foreach (var liaison in plan.Liaisons.Where(l => l >= 0))
            {
                desks.Add((liaison, Share(liaison)));
            }

            foreach (var executor in plan.Executors.SelectMany(e => e))
            {
                desks.Add((executor, Share(executor)));
            }

            var channel = design.Function == BodyFunction.ExecutionFocused ? ChannelKind.Lateral : ChannelKind.Meeting;
            var (body, deskIds) = builder.AddBody(count == 1 ? design.Name : $"{design.Name} {i + 1}", plan.Chair, plan.Members, desks, channel);
            var next = 0;
            var chairDesk = design.ChairSeconded ? deskIds[next++] : (design.MeetingInterval <= 0 ? plan.Chair : -1);
            var liaisonDesks = new int[p.Departments];
            for (var d = 0; d < p.Departments; d++)
            {
                liaisonDesks[d] = plan.Liaisons[d] >= 0 ? deskIds[next++] : -1;
            }

            var executorDesks = new int[p.Departments][];
            for (var d = 0; d < p.Departments; d++)
            {
                executorDesks[d] = new int[plan.Executors[d].Length];
                for (var e = 0; e < executorDesks[d].Length; e++)
                {
                    executorDesks[d][e] = deskIds[next++];
                }
            }

            staffing[i] = new BodyStaffing(body, chairDesk, liaisonDesks, executorDesks, plan.Categories);
        }

        return staffing;
    }

    private sealed record Plan(int Chair, List<int> Members, int[] Liaisons, int[][] Executors, int Categories);
}
