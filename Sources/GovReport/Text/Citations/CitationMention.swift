/// What a cited title is: decided by the genre word it ends with.
public enum CitationKind: String, Codable, Sendable, CaseIterable {
    /// 法, 法典, 宪法, 修正案.
    case law
    /// 条例, 规定, 办法, 细则, 规则, 规章, 规程, 准则.
    case regulation
    /// 规划, 纲要, 方案, 计划, 要点.
    case plan
    /// 通知, 意见, 决定, 通报, 决议, 公告, 通告, 批复, 命令 (a notice that 印发 a plan is a notice).
    case notice
    case other
}

/// One 《…》 citation found in a paragraph, with the document number that follows it.
public struct CitationMention: Sendable, Equatable {
    /// The text between the outer 《 》, inner 〈…〉, <…> and 《…》 kept as written.
    public var title: String
    /// 沪府办发〔2019〕20号 as written, "" when none follows.
    public var docNumber: String
    public var kind: CitationKind
    /// Unicode-scalar offsets of the whole citation: from 《 to the end of the document number,
    /// including the parentheses around it (to 》 when there is no number).
    public var charStart: Int
    public var charEnd: Int

    public init(title: String, docNumber: String, kind: CitationKind, charStart: Int, charEnd: Int) {
        self.title = title
        self.docNumber = docNumber
        self.kind = kind
        self.charStart = charStart
        self.charEnd = charEnd
    }
}
