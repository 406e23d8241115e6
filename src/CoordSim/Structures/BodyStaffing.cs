using CoordSim.Organisation;

namespace CoordSim.Structures;

/// <summary>
/// Who staffs one coordination body and at which desks: its chair and chair desk, its office staff, a liaison
/// desk per department (when issues enter from the frontline), the seconded executors' desks per department
/// (execution-focused bodies), who attends its meetings and who files its briefs.
/// </summary>
/// <param name="Body">The body in the organisation.</param>
/// <param name="ChairDesk">Desk at which the chair decides items one by one, or null when the chair only meets.</param>
/// <param name="OfficeDesks">The office staff's desks (their home desks: they work for the office full time).</param>
/// <param name="LiaisonDesks">Per department, the liaison's desk, or null.</param>
/// <param name="ExecutorDesks">Per department, the seconded executors' desks (empty for decision-focused bodies).</param>
/// <param name="Attendees">Who attends the body's meetings and reviews: the chair, the office staff, and per department its liaison, or its head when the body has no liaisons.</param>
/// <param name="Reporters">Who files the body's periodic briefs: its liaisons.</param>
internal sealed record BodyStaffing(CoordinationBody Body, DeskId? ChairDesk, DeskId[] OfficeDesks, DeskId?[] LiaisonDesks, DeskId[][] ExecutorDesks, PersonId[] Attendees, PersonId[] Reporters)
{
    /// <summary>
    /// Staffs, for each design of <paramref name="designs"/> in order, its <see cref="BodyDesign.Count"/> bodies on top
    /// of the hierarchy in <paramref name="builder"/>. Seconded members give their design's
    /// <see cref="BodyDesign.SecondmentShare"/> of their capacity, split evenly across all their memberships in the
    /// structure; with <see cref="BodyDesign.MembershipsPerPerson"/> = k, bodies i and j of a design share their
    /// officials when i / k = j / k. The switching overhead is the largest of the designs'.
    /// </summary>
    public static BodyStaffing[][] Staff(OrganisationBuilder builder, IReadOnlyList<BodyDesign> designs)
    {
        var memberships = new Dictionary<PersonId, int>();
        var plans = designs.Select(d => PlanBodies(builder, d, memberships)).ToArray();

        // Office staff are new people of the lead department, added before any body (body desks follow all people).
        var offices = new PersonId[designs.Count][][];
        for (var u = 0; u < designs.Count; u++)
        {
            offices[u] = new PersonId[plans[u].Count][];
            for (var i = 0; i < plans[u].Count; i++)
            {
                offices[u][i] = new PersonId[designs[u].Handling == RoutineHandling.Office ? designs[u].OfficeStaff : 0];
                for (var k = 0; k < offices[u][i].Length; k++)
                {
                    offices[u][i][k] = builder.AddOfficer(plans[u][i].LeadDepartment);
                    plans[u][i].Members.Add(offices[u][i][k]);
                }
            }
        }

        builder.WithSwitchingOverhead(designs.Max(d => d.SwitchingOverhead));
        return designs.Select((d, u) => AddBodies(builder, d, plans[u], offices[u], memberships)).ToArray();
    }

    /// <summary>Who will staff each body of <paramref name="design"/>, counting the seconded people's memberships.</summary>
    private static List<Plan> PlanBodies(OrganisationBuilder builder, BodyDesign design, Dictionary<PersonId, int> memberships)
    {
        var departments = builder.Departments;
        var levels = builder.Levels;
        var count = design.Count;
        var plans = new List<Plan>();
        void Second(PersonId person) => memberships[person] = memberships.GetValueOrDefault(person) + 1;
        for (var i = 0; i < count; i++)
        {
            var leadDepartment = i % departments;
            var chair = design.Chair == BodyChair.GovernmentHead ? PersonId.GovernmentHead : builder.HeadOf(leadDepartment);
            var group = i / Math.Max(1, design.MembershipsPerPerson);
            var members = new List<PersonId> { chair };
            var liaisons = new PersonId?[departments];
            var executors = new PersonId[departments][];
            for (var d = 0; d < departments; d++)
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
                    var liaison = levels >= 2 ? new PersonId(builder.HeadOf(d).Value + 1 + (group % builder.Span)) : builder.HeadOf(d);
                    liaisons[d] = liaison;
                    members.Add(liaison);
                    Second(liaison);
                }

                // Distinct people only: a department with fewer frontline people than executorsPerDepartment
                // seconds each of them once rather than one person several times, and the liaison (a frontline
                // person when a department has two levels) is not also an executor unless nobody else is there.
                var frontline = builder.FrontlineCount(d);
                var liaisonIsFrontline = liaisons[d] is { } l && builder.LevelOf(l) == 0;
                var available = liaisonIsFrontline && frontline > 1 ? frontline - 1 : frontline;
                var perDepartment = Math.Min(design.ExecutorsPerDepartment, available);
                executors[d] = new PersonId[perDepartment];
                var position = group * perDepartment;
                for (var e = 0; e < perDepartment; e++, position++)
                {
                    var executor = builder.Frontline(d, position % frontline);
                    if (executor == liaisons[d] && frontline > 1)
                    {
                        executor = builder.Frontline(d, ++position % frontline);
                    }

                    executors[d][e] = executor;
                    members.Add(executor);
                    Second(executor);
                }
            }

            if (design.ChairSeconded)
            {
                Second(chair);
            }

            plans.Add(new Plan(chair, members, liaisons, executors, leadDepartment));
        }

        return plans;
    }

    /// <summary>Adds the bodies of <paramref name="design"/> as planned, with their desks and their seconded shares.</summary>
    private static BodyStaffing[] AddBodies(OrganisationBuilder builder, BodyDesign design, List<Plan> plans, PersonId[][] offices, Dictionary<PersonId, int> memberships)
    {
        var departments = builder.Departments;
        var count = plans.Count;
        var staffing = new BodyStaffing[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var desks = new List<(PersonId Person, double Share)>();
            double Share(PersonId person) => design.SecondmentShare / memberships[person];
            if (design.ChairSeconded)
            {
                desks.Add((plan.Chair, Share(plan.Chair)));
            }

            foreach (var liaison in plan.Liaisons)
            {
                if (liaison is { } l)
                {
                    desks.Add((l, Share(l)));
                }
            }

            foreach (var executor in plan.Executors.SelectMany(e => e))
            {
                desks.Add((executor, Share(executor)));
            }

            var channel = design.Function == BodyFunction.ExecutionFocused ? ChannelKind.Lateral : ChannelKind.Meeting;
            var (body, deskIds) = builder.AddBody(count == 1 ? design.Name : $"{design.Name} {i + 1}", plan.Chair, plan.Members, desks, channel);
            var next = 0;
            DeskId? chairDesk = design.ChairSeconded ? deskIds[next++] : design.Handling == RoutineHandling.Chair ? new DeskId(plan.Chair.Value) : null;
            var liaisonDesks = new DeskId?[departments];
            for (var d = 0; d < departments; d++)
            {
                liaisonDesks[d] = plan.Liaisons[d] is not null ? deskIds[next++] : null;
            }

            var executorDesks = new DeskId[departments][];
            for (var d = 0; d < departments; d++)
            {
                executorDesks[d] = new DeskId[plan.Executors[d].Length];
                for (var e = 0; e < executorDesks[d].Length; e++)
                {
                    executorDesks[d][e] = deskIds[next++];
                }
            }

            var attendees = new List<PersonId> { plan.Chair };
            attendees.AddRange(offices[i]);
            for (var d = 0; d < departments; d++)
            {
                attendees.Add(plan.Liaisons[d] ?? builder.HeadOf(d));
            }

            var reporters = plan.Liaisons.Where(l => l is not null).Select(l => l!.Value).ToArray();
            var officeDesks = offices[i].Select(o => new DeskId(o.Value)).ToArray();
            staffing[i] = new BodyStaffing(body, chairDesk, officeDesks, liaisonDesks, executorDesks, attendees.Distinct().ToArray(), reporters);
        }

        return staffing;
    }

    private sealed record Plan(PersonId Chair, List<PersonId> Members, PersonId?[] Liaisons, PersonId[][] Executors, int LeadDepartment);
}
