package kelompok.groups;

/**
 * What the phase gates need to know about a group, counted from its records: plain numbers, so
 * the rules are tested without a database.
 */
record GroupFacts(
    boolean openMembership,
    int plannedMin,
    int candidates,
    int candidatesWithoutContract,
    int problems,
    int shortTermGoals,
    int longTermGoals,
    int plannedActions,
    int undecidedCandidates,
    int selectedOrActive,
    int sessionsScheduled,
    int sessionsHeld,
    int ongoingEvaluations,
    boolean finalEvaluation,
    int unsignedNotes,
    boolean terminationRecorded,
    int activeWithoutOutcome) {}
