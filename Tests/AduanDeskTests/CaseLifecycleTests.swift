import AduanCore
import AduanDesk
import Testing

@Suite("Case lifecycle")
struct CaseLifecycleTests {
    /// The whole table: every action from every status, written out so a change to the machine
    /// shows up here as a diff a reviewer reads.
    static let table: [CaseStatus: [CaseAction: CaseStatus]] = [
        .received: [.verify: .verified, .forward: .forwarded, .take: .inProgress, .start: .inProgress, .wait: .waiting,
                    .resolve: .resolved, .reject: .rejected, .markDuplicate: .duplicate],
        .verified: [.forward: .forwarded, .take: .inProgress, .start: .inProgress, .wait: .waiting,
                    .resolve: .resolved, .reject: .rejected, .markDuplicate: .duplicate],
        .forwarded: [.forward: .forwarded, .take: .inProgress, .start: .inProgress, .wait: .waiting,
                     .resolve: .resolved, .reject: .rejected, .markDuplicate: .duplicate],
        .inProgress: [.forward: .forwarded, .take: .inProgress, .wait: .waiting,
                      .resolve: .resolved, .reject: .rejected, .markDuplicate: .duplicate],
        .waiting: [.forward: .forwarded, .start: .inProgress, .wait: .waiting,
                   .resolve: .resolved, .reject: .rejected, .markDuplicate: .duplicate],
        .reopened: [.forward: .forwarded, .take: .inProgress, .start: .inProgress, .wait: .waiting,
                    .resolve: .resolved, .reject: .rejected, .markDuplicate: .duplicate],
        .resolved: [.reopen: .reopened, .close: .closed],
        .rejected: [.reopen: .reopened, .close: .closed],
        .duplicate: [.reopen: .reopened, .close: .closed],
        .closed: [.reopen: .reopened],
    ]

    @Test("every action from every status goes where the table says, and nowhere else",
          arguments: CaseStatus.allCases)
    func exhaustive(status: CaseStatus) throws {
        let allowed = try #require(Self.table[status])
        for action in CaseAction.allCases {
            switch CaseLifecycle.next(after: action, from: status) {
            case .success(let target):
                #expect(allowed[action] == target, "\(action) from \(status) went to \(target)")
            case .failure(let refusal):
                #expect(allowed[action] == nil, "\(action) from \(status) was refused")
                #expect(refusal.status == status && refusal.action == action)
                #expect(refusal.possible == CaseAction.allCases.filter { allowed[$0] != nil })
            }
        }
    }

    @Test("open statuses are exactly those from which a case can be resolved")
    func openStatuses() {
        for status in CaseStatus.allCases {
            let resolvable = (try? CaseLifecycle.next(after: .resolve, from: status).get()) != nil
            #expect(CaseLifecycle.isOpen(status) == resolvable, "\(status)")
        }
    }

    @Test("every status can be reached from received, and every case can end closed")
    func reachability() {
        var reached: Set<CaseStatus> = [.received]
        var frontier: [CaseStatus] = [.received]
        while let status = frontier.popLast() {
            for action in CaseAction.allCases {
                if case .success(let next) = CaseLifecycle.next(after: action, from: status), reached.insert(next).inserted {
                    frontier.append(next)
                }
            }
        }
        #expect(reached == Set(CaseStatus.allCases))
        for status in CaseStatus.allCases {
            var seen: Set<CaseStatus> = [status]
            var queue = [status]
            while let s = queue.popLast() {
                for action in CaseAction.allCases {
                    if case .success(let next) = CaseLifecycle.next(after: action, from: s), seen.insert(next).inserted {
                        queue.append(next)
                    }
                }
            }
            #expect(seen.contains(.closed), "no way from \(status) to closed")
        }
    }
}
