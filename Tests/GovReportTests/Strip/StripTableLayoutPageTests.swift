import Testing
@testable import GovReport

/// An old table-layout page: no metas, upper-case tags, the title only in <title> with the
/// site suffix, the body as <br>-separated lines in one <td>, link lists in a side column.
@Suite struct StripTableLayoutPageTests {
    static let page = """
    <HTML>
    <HEAD>
    <META http-equiv="Content-Type" content="text/html; charset=gb2312">
    <TITLE>关于松岭镇2022年法治政府建设工作情况的报告-松岭镇人民政府网</TITLE>
    <LINK href="/css/style.css" rel="stylesheet" type="text/css">
    <SCRIPT language="javascript">function openWin(u){window.open(u,'','width=600');}</SCRIPT>
    </HEAD>
    <BODY leftmargin="0" topmargin="0">
    <TABLE width="990" border="0" align="center" cellpadding="0" cellspacing="0">
      <TR><TD height="120" background="/images/top.jpg">&nbsp;</TD></TR>
      <TR><TD class="menu" height="36">
        <A href="/">网站首页</A> | <A href="/zwgk/">政务公开</A> | <A href="/xxgk/">信息公开</A> | <A href="/bszn/">办事指南</A> | <A href="/lyb/">领导信箱</A>
      </TD></TR>
    </TABLE>
    <TABLE width="990" border="0" align="center" cellpadding="0" cellspacing="0">
      <TR>
        <TD width="220" valign="top" bgcolor="#F4F8FB">
          <TABLE width="100%"><TR><TD class="lm_title"><B>热点信息</B></TD></TR>
            <TR><TD><A href="/n/101.html">松岭镇召开安全生产专题会议</A><BR>
            <A href="/n/102.html">松岭镇开展森林防火宣传活动</A><BR>
            <A href="/n/103.html">松岭镇2022年政府信息公开工作年度报告</A><BR>
            <A href="/n/104.html">松岭镇完成村级换届选举工作</A></TD></TR>
            <TR><TD class="lm_title"><B>便民服务</B></TD></TR>
            <TR><TD><A href="/bm/1.html">社保查询</A><BR><A href="/bm/2.html">公积金查询</A><BR><A href="/bm/3.html">不动产登记预约</A></TD></TR>
          </TABLE>
        </TD>
        <TD width="770" valign="top">
          <TABLE width="100%" border="0">
            <TR><TD class="dqwz" height="30">您现在的位置：<A href="/">网站首页</A> &gt;&gt; <A href="/zwgk/">政务公开</A> &gt;&gt; <A href="/zwgk/gzbg/">工作报告</A></TD></TR>
            <TR><TD align="center" height="30">发布日期：2023年2月8日&nbsp;&nbsp;&nbsp;信息来源：松岭镇党政办&nbsp;&nbsp;&nbsp;【字体：<A href="#">大</A> <A href="#">中</A> <A href="#">小</A>】</TD></TR>
            <TR><TD class="content" style="font-size:14px;line-height:28px;padding:10px">
    &nbsp;&nbsp;&nbsp;&nbsp;2022年，松岭镇坚持以习近平法治思想为指导，认真落实县委、县政府关于法治政府建设的各项部署，依法全面履行政府职能，现将有关工作情况报告如下。<BR><BR>
    &nbsp;&nbsp;&nbsp;&nbsp;一、主要工作及成效<BR>
    &nbsp;&nbsp;&nbsp;&nbsp;（一）坚持依法决策。严格落实重大行政决策程序规定，全年提交镇党委会议审议的重大事项11项，均经合法性审查，
    法律顾问列席会议9次。<BR>
    &nbsp;&nbsp;&nbsp;&nbsp;（二）推进普法宣传。以“八五”普法为抓手，开展“送法下乡”活动24场，发放《民法典》读本3000余册，受教育群众5000多人次。<BR>
    &nbsp;&nbsp;&nbsp;&nbsp;（三）化解矛盾纠纷。镇村两级调解组织共受理矛盾纠纷126件，调解成功121件，调解成功率96%。<BR><BR>
    &nbsp;&nbsp;&nbsp;&nbsp;二、存在问题<BR>
    &nbsp;&nbsp;&nbsp;&nbsp;一是执法人员专业力量不足；二是村级法治宣传阵地作用发挥不够充分。<BR><BR>
    &nbsp;&nbsp;&nbsp;&nbsp;三、下一步工作打算<BR>
    &nbsp;&nbsp;&nbsp;&nbsp;2023年，我镇将进一步加强执法队伍建设，深入开展法治乡村创建，推动法治政府建设再上新台阶。<BR><BR>
    <P align="right">松岭镇人民政府<BR>2023年2月6日</P>
            </TD></TR>
            <TR><TD align="center"><A href="javascript:window.print()">【打印本页】</A>&nbsp;&nbsp;<A href="javascript:window.close()">【关闭窗口】</A></TD></TR>
          </TABLE>
        </TD>
      </TR>
    </TABLE>
    <TABLE width="990" border="0" align="center" bgcolor="#EEEEEE">
      <TR><TD align="center" height="80">版权所有：松岭镇人民政府&nbsp;&nbsp;地址：梅川县松岭镇兴隆街18号&nbsp;&nbsp;电话：0799-1234567<BR>
      备案号：赣ICP备05001234号&nbsp;&nbsp;<IMG src="/images/qr.gif"> 扫一扫关注松岭发布</TD></TR>
    </TABLE>
    </BODY>
    </HTML>
    """

    @Test func metadataFromTitleAndInfoLine() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.title == "关于松岭镇2022年法治政府建设工作情况的报告")
        #expect(doc.siteName == "松岭镇人民政府网")
        #expect(doc.publishDate == "2023-02-08")
        #expect(doc.issuer == "松岭镇党政办")
        #expect(doc.breadcrumb == ["网站首页", "政务公开", "工作报告"])
    }

    @Test func bodyIsTheBrSeparatedCell() throws {
        let doc = try stripDocument(Self.page)
        #expect(doc.paragraphs.first == "2022年，松岭镇坚持以习近平法治思想为指导，认真落实县委、县政府关于法治政府建设的各项部署，依法全面履行政府职能，现将有关工作情况报告如下。")
        #expect(doc.paragraphs.last == "2023年2月6日")
        #expect(doc.paragraphs.contains("（一）坚持依法决策。严格落实重大行政决策程序规定，全年提交镇党委会议审议的重大事项11项，均经合法性审查，法律顾问列席会议9次。"))
        #expect(doc.paragraphs.contains("松岭镇人民政府"))
        #expect(doc.paragraphs.count == 11)
        #expect(chromeLeft(in: doc.paragraphs, extra: ["热点信息", "便民服务", "社保查询", "地址：", "网站首页"]).isEmpty)
    }
}
