import AduanCore

/// What staff (or the citizen, or the clock) can do to a case that changes its status.
public enum CaseAction: String, Sendable, Hashable, CaseIterable {
    /// A coordinator checked the report (*verifikasi*).
    case verify
    /// Handed to an OPD, or to another one (*teruskan*).
    case forward
    /// A staff member takes the case and starts on it (*ambil*).
    case take
    /// Work has started (*proses*); also ends a wait.
    case start
    /// Waiting on budget, procurement or a third party (*tunda*): the clock pauses.
    case wait
    /// Handled, with a handling report (*selesai*).
    case resolve
    /// Rejected or not the regency's authority (*tolak*).
    case reject
    /// The same problem as another case (*duplikat*).
    case markDuplicate
    /// Opened again: by staff, or by the citizen answering "not fixed" (*buka*).
    case reopen
    /// Closed for good: by staff, or by the citizen confirming the fix (*tutup*).
    case close
}

/// A transition the lifecycle refuses, with what to do instead.
public struct TransitionRefusal: Error, Sendable, Hashable {
    /// The action tried.
    public var action: CaseAction
    /// The case's status.
    public var status: CaseStatus
    /// The actions that are possible from that status.
    public var possible: [CaseAction]
}

/// The case lifecycle as an explicit state machine (pure).
///
/// ```
/// received ─verify→ verified ─forward→ forwarded ─take/start→ in_progress ─resolve→ resolved ─close→ closed
///     open statuses (received, verified, forwarded, in_progress, waiting, reopened):
///         forward → forwarded · take/start → in_progress · wait → waiting (again: extended)
///         resolve → resolved · reject → rejected · markDuplicate → duplicate
///     resolved, rejected, duplicate: close → closed · reopen → reopened
///     closed: reopen → reopened
/// ```
public enum CaseLifecycle {
    /// The statuses in which someone still has to act, and the response clock runs (except
    /// ``CaseStatus/waiting``, where it is paused).
    public static let openStatuses: Set<CaseStatus> = [.received, .verified, .forwarded, .inProgress, .waiting, .reopened]

    /// Whether someone still has to act on a case in `status`.
    public static func isOpen(_ status: CaseStatus) -> Bool {
        openStatuses.contains(status)
    }

    /// The status `action` leads to from `status`, or the refusal.
    public static func next(after action: CaseAction, from status: CaseStatus) -> Result<CaseStatus, TransitionRefusal> {
        if let target = target(action, status) { return .success(target) }
        return .failure(TransitionRefusal(action: action, status: status, possible: possibleActions(from: status)))
    }

    /// The actions possible from `status`, in ``CaseAction`` order.
    public static func possibleActions(from status: CaseStatus) -> [CaseAction] {
        CaseAction.allCases.filter { target($0, status) != nil }
    }

    private static func target(_ action: CaseAction, _ status: CaseStatus) -> CaseStatus? {
        let open = isOpen(status)
        switch action {
        case .verify:
            return status == .received ? .verified : nil
        case .forward:
            return open ? .forwarded : nil
        case .take:
            // Taking a waiting case would silently restart its clock: use `start` for that.
            return open && status != .waiting ? .inProgress : nil
        case .start:
            return open && status != .inProgress ? .inProgress : nil
        case .wait:
            // From waiting too: the wait is extended (a new date and reason).
            return open ? .waiting : nil
        case .resolve:
            return open ? .resolved : nil
        case .reject:
            return open ? .rejected : nil
        case .markDuplicate:
            return open ? .duplicate : nil
        case .reopen:
            return open ? nil : .reopened
        case .close:
            return status == .resolved || status == .rejected || status == .duplicate ? .closed : nil
        }
    }
}
