using CoordSim.Mechanisms;
using CoordSim.Engine;
using FsCheck;
using FsCheck.Fluent;
using CoordSim.Structures;

namespace CoordSim.Tests.Properties;

/// <summary>
/// FsCheck generators of small scenarios: up to 4 departments, 4 levels and span 3 (at most 161
/// people), 20–60 simulated days, a few issues a day, every switch of the core model (noise,
/// loss, shading, decision level, servers, queue discipline, service distribution, effort feedback,
/// warm-up and issue caps) and every mechanism of model v2 (deputies, top attention, consultation,
/// offices and body authority, meetings, reviews and briefs that cost time, emergencies that skip,
/// crises, co-location, scopes and lifecycles) drawn at random. Every scenario passes <see cref="Parameters.Validate"/>.
/// </summary>
public static class SmallScenarios
{
    /// <summary>Small valid scenarios with seeds across the whole public range.</summary>
    public static Arbitrary<Scenario> Scenarios() => Arb.From(Generator);

    /// <summary>Non-empty arrays of positive weights, for the accountability-weight properties.</summary>
    public static Arbitrary<double[]> PositiveWeights() =>
        Arb.From(Gen.NonEmptyListOf(Gen.Choose(1, 1_000_000).Select(i => i / 1000.0)).Select(l => l.ToArray()));

    private static Gen<long> Seeds =>
        Gen.Frequency(
            (4, Gen.Choose(0, int.MaxValue).Select(i => (long)i)),
            (1, Gen.Choose(0, 1000).Select(i => SeedDerivation.MaxPublicSeed - i)));

    private static Gen<double> Tenths(int low, int high) => Gen.Choose(low, high).Select(i => i / 10.0);

    private static Gen<double> Hundredths(int low, int high) => Gen.Choose(low, high).Select(i => i / 100.0);

    /// <summary>The mechanisms of model v2, each drawn over its range (including off), applied before the core values.</summary>
    private static Gen<Func<Parameters, Parameters>> ModelV2 =>
        from deputies in Gen.Choose(0, 3)
        from attention in Gen.Elements(0.25, 0.5, 1.0)
        from deflect in Tenths(0, 9)
        from rounds in Gen.Choose(1, 3)
        from contested in Tenths(0, 10)
        from office in Gen.Choose(0, 3)
        from authority in Tenths(0, 10)
        from plenary in Gen.Elements(5.0, 10.0, 30.0)
        from trigger in Gen.Elements(0, 3, 10)
        from capacity in Gen.Elements(2, 48)
        from duration in Gen.Elements(0.0, 0.25, 0.5)
        from minutes in Gen.Elements(0.0, 10.0, 60.0)
        from reports in Gen.Elements(0.0, 3.0, 7.0)
        from reportDuration in Gen.Elements(0.125, 0.5)
        from dispatch in Gen.Elements(0.0, 3.0, 7.0)
        from pressureAge in Gen.Elements(0.0, 2.0, 7.0)
        from consult in Gen.Elements(3.0, 10.0)
        from coLocated in Gen.Elements(true, false)
        from scope in Gen.Elements(TaskForceScope.Routine, TaskForceScope.Emergency)
        from commandCovers in Gen.Elements(true, false)
        from emergencyDelay in Gen.Elements(0.0, 0.02, 0.5)
        from skip in Gen.Choose(0, 2)
        from threshold in Gen.Elements(1.0, 2.5, 1000.0)
        from crisisDays in Gen.Elements(0.0, 10.0, 30.0)
        from crisisStart in Gen.Choose(0, 20)
        from multiplier in Gen.Elements(1.0, 3.0)
        from crisisEmergencies in Tenths(0, 10)
        from formOn in Gen.Elements(FormationTrigger.Start, FormationTrigger.Crisis)
        from formation in Gen.Elements(0.0, 5.0)
        from mission in Gen.Elements(0.0, 10.0)
        from restart in Gen.Elements(0.0, 5.0)
        from taskForces in Gen.Choose(1, 3)
        from memberships in Gen.Choose(1, 2)
        select (Func<Parameters, Parameters>)(q => q with
        {
            Deputies = deputies,
            TopAttention = attention,
            DeflectProbability = deflect,
            ConsultationRounds = rounds,
            ContestedShare = contested,
            OfficeStaff = office,
            BodyAuthority = authority,
            PlenaryInterval = plenary,
            AgendaTrigger = trigger,
            AgendaCapacity = capacity,
            MeetingDuration = duration,
            MinutesPerItem = minutes,
            ReportInterval = reports,
            ReportDuration = reportDuration,
            DispatchInterval = dispatch,
            DispatchPressureAge = pressureAge,
            ConsultInterval = consult,
            CoLocated = coLocated,
            TaskForceScope = scope,
            CommandCoversCrossDepartment = commandCovers,
            EmergencyDelay = emergencyDelay,
            EmergencySkipLevels = skip,
            EscalationThreshold = threshold,
            CrisisDays = crisisDays,
            CrisisStart = crisisStart,
            CrisisMultiplier = multiplier,
            CrisisEmergencyShare = crisisEmergencies,
            FormOn = formOn,
            FormationDelay = formation,
            MissionDays = mission,
            RestartAfter = restart,
            TaskForces = taskForces,
            MembershipsPerPerson = memberships,
        });

    private static Gen<Scenario> Generator =>
        from departments in Gen.Choose(1, 4)
        from levels in Gen.Choose(1, 4)
        from span in Gen.Choose(1, 3)
        from maxDepartments in Gen.Choose(2, Math.Max(2, Math.Min(3, departments)))
        from cross in departments > 1 ? Tenths(0, 8) : Gen.Constant(0.0)
        from arrivalRate in Tenths(5, 60)
        from emergencyShare in Tenths(0, 5)
        from horizon in Gen.Choose(20, 60)
        from warmup in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 10)))
        from maxIssues in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(5, 150)))
        from noise in Tenths(0, 3)
        from drop in Hundredths(0, 10)
        from bias in Hundredths(0, 20)
        from delay in Gen.Choose(0, 4).Select(i => i / 8.0)
        from decisionLevel in Gen.Choose(-1, levels - 1)
        from servers in Gen.Choose(1, 2)
        from discipline in Gen.Elements(QueueDiscipline.Fifo, QueueDiscipline.UrgentFirst)
        from distribution in Gen.Elements(ServiceDistribution.Exponential, ServiceDistribution.LogNormal)
        from alpha in Gen.Elements(0.0, 0.0, 0.5, 1.0)
        from rates in Gen.Zip(Tenths(10, 40), Gen.Zip(Tenths(20, 200), Tenths(20, 300)))
        from dimensions in Gen.Choose(1, 10)
        from seed in Seeds
        from v2 in ModelV2
        let p = v2(Parameters.Default) with
        {
            Departments = departments,
            Levels = levels,
            Span = span,
            MaxDepartmentsPerIssue = maxDepartments,
            CrossDepartmentShare = cross,
            ArrivalRate = arrivalRate,
            EmergencyShare = emergencyShare,
            HorizonDays = horizon,
            WarmupDays = warmup,
            MaxIssues = maxIssues,
            NoiseSigma = noise,
            DropProbability = drop,
            UpwardBias = bias,
            TransmissionDelay = delay,
            DecisionLevel = decisionLevel,
            ServersPerPerson = servers,
            QueueDiscipline = discipline,
            ServiceDistribution = distribution,
            EffortElasticity = alpha,
            ServiceRate = rates.Item1,
            HeadServiceRate = rates.Item2.Item1,
            TopServiceRate = rates.Item2.Item2,
            StateDimensions = dimensions,
        }
        select new Scenario(p.EnsureValid(), seed);
}
