namespace CoordSim.Workload;

/// <summary>
/// The eight issue categories of the Shangcheng grid platform (S5). An issue's category sets
/// its primary department: category index modulo the number of departments.
/// </summary>
public enum IssueCategory
{
    /// <summary>Security and stability.</summary>
    SecurityAndStability,

    /// <summary>Administrative enforcement.</summary>
    AdministrativeEnforcement,

    /// <summary>Public service.</summary>
    PublicService,

    /// <summary>Social affairs.</summary>
    SocialAffairs,

    /// <summary>Party and mass organisations.</summary>
    PartyAndMassOrganisations,

    /// <summary>Emergency management.</summary>
    EmergencyManagement,

    /// <summary>Public opinion.</summary>
    PublicOpinion,

    /// <summary>Everything else.</summary>
    Other,
}
