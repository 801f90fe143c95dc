/// Every stage, in the order a pipeline runs them. A new stage is one folder and one line here.
public enum StageRegistry {
    public static let all: [any StageDescriptor] = [
        FetchDescriptor(),
        DocumentStageDescriptor<DecodeStage>(),
        DocumentStageDescriptor<StripStage>(),
        DocumentStageDescriptor<NormalizeStage>(),
        DocumentStageDescriptor<SegmentStage>(),
        DocumentStageDescriptor<ExtractStage>(),
        WriteDescriptor(),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func descriptor(named name: String) -> (any StageDescriptor)? {
        all.first { $0.name == name }
    }

    public static func index(of name: String) -> Int? {
        names.firstIndex(of: name)
    }
}
