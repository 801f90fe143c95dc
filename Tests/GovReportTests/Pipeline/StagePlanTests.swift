import Testing
@testable import GovReport

@Suite struct StagePlanTests {
    @Test func fromRerunsThatStageAndLaterFromCache() {
        let plan = StagePlan(from: "extract", only: nil, force: false)
        #expect(plan.reusesCache("fetch") && plan.reusesCache("strip") && plan.reusesCache("segment"))
        #expect(!plan.reusesCache("extract"))
        #expect(plan.forces("extract") && plan.forces("write"))
        #expect(!plan.forces("segment"))
        #expect(!plan.skips("write"))
    }

    @Test func onlyRerunsOneStageAndTheTables() {
        let plan = StagePlan(from: nil, only: "strip", force: false)
        #expect(plan.reusesCache("decode"))
        #expect(plan.forces("strip"))
        #expect(plan.skips("normalize") && plan.skips("extract"))
        #expect(!plan.skips("write") && plan.forces("write"))
        #expect(!plan.forces("normalize"))
    }

    @Test func forceRedoesEverything() {
        let plan = StagePlan(from: nil, only: nil, force: true)
        for name in StageRegistry.names { #expect(plan.forces(name)); #expect(!plan.reusesCache(name)) }
    }
}
