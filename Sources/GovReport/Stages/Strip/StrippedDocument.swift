/// The output of `strip`: the article without the page chrome.
public struct StrippedDocument: Codable, Sendable, Equatable {
    public var title: String
    /// ISO date `yyyy-mm-dd`, "" when the page gives none.
    public var publishDate: String
    /// The publishing body (来源/发布机构/ContentSource), "" when unknown.
    public var issuer: String
    /// Breadcrumb items from the site root to the column, e.g. ["首页", "政务公开", "规划计划"].
    public var breadcrumb: [String]
    public var siteName: String
    /// The body as paragraphs in reading order, each trimmed and non-empty.
    public var paragraphs: [String]

    public init(title: String = "", publishDate: String = "", issuer: String = "",
                breadcrumb: [String] = [], siteName: String = "", paragraphs: [String] = []) {
        self.title = title
        self.publishDate = publishDate
        self.issuer = issuer
        self.breadcrumb = breadcrumb
        self.siteName = siteName
        self.paragraphs = paragraphs
    }
}
