import Testing
@testable import GovReport

/// A page in traditional characters: div-per-paragraph body in div.con, a 責任編輯 line and
/// a view counter inside the body, traditional chrome (首頁, 發布時間, 來源, 字體, 掃一掃, 主辦單位).
@Suite struct StripTraditionalPageTests {
    static let page = """
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml">
    <head>
    <meta http-equiv="Content-Type" content="text/html; charset=big5" />
    <title>鳳林鎮2023年度法治政府建設情況報告—瑞安縣人民政府</title>
    <style type="text/css">body{font-family:"細明體"}</style>
    </head>
    <body>
    <div class="head"><div class="nav_bar"><a href="/">首頁</a> <a href="/zwgk">政務公開</a> <a href="/bmfw">便民服務</a> <a href="/gzhd">公眾互動</a></div></div>
    <div class="page">
      <div class="location">當前位置：<a href="/">首頁</a> &gt; <a href="/zwgk">政務公開</a> &gt; <a href="/zwgk/fzjs">法治建設</a></div>
      <div class="content-box">
        <div class="con-title"><h3>鳳林鎮2023年度法治政府建設情況報告</h3></div>
        <div class="con-info">發布時間：2024年02月02日　來源：鳳林鎮人民政府　瀏覽次數：88　【字體：<a>大</a> <a>中</a> <a>小</a>】</div>
        <div class="con">
          <div>2023年，鳳林鎮在縣委、縣政府的正確領導下，深入學習貫徹習近平法治思想，紮實推進法治政府建設，現將有關情況報告如下。</div>
          <div><b>一、主要舉措和成效</b></div>
          <div>（一）加強組織領導。鎮黨委、政府主要負責人切實履行推進法治建設第一責任人職責，
          全年專題研究法治政府建設工作3次。</div>
          <div>（二）強化普法宣傳。開展“法律明白人”培訓8期，培訓人員260餘人次，發放宣傳資料5000餘份。</div>
          <div>（三）化解矛盾糾紛。全鎮共排查調處矛盾糾紛87件，調解成功率達98%。</div>
          <div><b>二、存在的不足</b></div>
          <div>一是法治宣傳形式還不夠豐富；二是基層法治人才仍然缺乏。</div>
          <div><b>三、下一步工作計劃</b></div>
          <div>2024年，鳳林鎮將持續推進法治政府建設，不斷提高依法行政能力和水平。</div>
          <div style="text-align:right">鳳林鎮人民政府</div>
          <div style="text-align:right">2024年1月30日</div>
          <div class="editor">責任編輯：林小華</div>
        </div>
        <div class="con-tools">分享到：<a>微信</a> <a>微博</a>　<a href="javascript:window.print()">打印本頁</a>　<a href="javascript:window.close()">關閉窗口</a></div>
        <div class="ewm"><img src="/ewm.png" /><p>掃一掃 手機瀏覽</p></div>
      </div>
    </div>
    <div class="foot">主辦單位：瑞安縣人民政府辦公室　網站標識碼：4503210001　備案號：桂ICP備12000345號</div>
    </body>
    </html>
    """

    @Test func metadataInTraditionalScript() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.title == "鳳林鎮2023年度法治政府建設情況報告")
        #expect(doc.siteName == "瑞安縣人民政府")
        #expect(doc.publishDate == "2024-02-02")
        #expect(doc.issuer == "鳳林鎮人民政府")
        #expect(doc.breadcrumb == ["首頁", "政務公開", "法治建設"])
    }

    @Test func bodyWithoutTraditionalChrome() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.paragraphs.first == "2023年，鳳林鎮在縣委、縣政府的正確領導下，深入學習貫徹習近平法治思想，紮實推進法治政府建設，現將有關情況報告如下。")
        #expect(doc.paragraphs.last == "2024年1月30日")
        #expect(doc.paragraphs.contains("（一）加強組織領導。鎮黨委、政府主要負責人切實履行推進法治建設第一責任人職責，全年專題研究法治政府建設工作3次。"))
        #expect(doc.paragraphs.count == 11)
        #expect(chromeLeft(in: doc.paragraphs, extra: ["責任編輯", "瀏覽", "打印本頁", "微信", "網站標識碼", "備案號"]).isEmpty)
    }
}
