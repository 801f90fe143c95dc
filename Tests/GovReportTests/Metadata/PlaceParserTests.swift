import Testing
@testable import GovReport

@Suite("Place chains")
struct PlaceParserTests {
    private func levels(_ text: String) -> PlaceLevels? {
        PlaceParser.leadingChain(of: text)?.levels
    }

    private func names(_ text: String) -> [[String]] {
        PlaceParser.chains(in: text).map { $0.units.map(\.name) }
    }

    @Test func countyAndTownship() {
        #expect(levels("西湖区翠苑街道") == PlaceLevels(county: "西湖区", township: "翠苑街道"))
        #expect(levels("江州市临江区柳岸街道") == PlaceLevels(city: "江州市", county: "临江区", township: "柳岸街道"))
    }

    @Test func cityAndCounty() {
        #expect(levels("广州市海珠区") == PlaceLevels(city: "广州市", county: "海珠区"))
        #expect(levels("湖南省长沙市天心区") == PlaceLevels(province: "湖南省", city: "长沙市", county: "天心区"))
    }

    @Test func bodyWordsBetweenUnits() {
        #expect(levels("广州市海珠区人民政府江南中街道办事处")
            == PlaceLevels(city: "广州市", county: "海珠区", township: "江南中街道"))
        let chain = PlaceParser.leadingChain(of: "宁夏回族自治区银川市西夏区兴泾镇人民政府")
        #expect(chain?.levels == PlaceLevels(province: "宁夏回族自治区", city: "银川市", county: "西夏区", township: "兴泾镇"))
        #expect(chain?.bodyEnd == 20)
        #expect(levels("银川市西夏区兴泾镇") == PlaceLevels(city: "银川市", county: "西夏区", township: "兴泾镇"))
    }

    @Test func municipalityIsProvinceAndCity() {
        #expect(levels("上海市闵行区人民政府古美路街道办事处")
            == PlaceLevels(province: "上海市", city: "上海市", county: "闵行区", township: "古美路街道"))
        #expect(levels("重庆市云溪区禾丰镇") == PlaceLevels(province: "重庆市", city: "重庆市", county: "云溪区", township: "禾丰镇"))
    }

    @Test func countyLevelCityAndBanners() {
        #expect(levels("浙江省金华市义乌市稠城街道")
            == PlaceLevels(province: "浙江省", city: "金华市", county: "义乌市", township: "稠城街道"))
        #expect(levels("内蒙古自治区锡林郭勒盟正蓝旗上都镇")
            == PlaceLevels(province: "内蒙古自治区", city: "锡林郭勒盟", county: "正蓝旗", township: "上都镇"))
        #expect(levels("恩施土家族苗族自治州") == PlaceLevels(city: "恩施土家族苗族自治州"))
    }

    @Test func chainsInRunningText() {
        #expect(names("在云溪区委、区政府的正确领导下，禾丰镇人民政府坚持依法行政") == [["云溪区"], ["禾丰镇"]])
        #expect(names("桃溪街道与执业律师签订法律顾问合同") == [["桃溪街道"]])
        #expect(names("2023年清河区柳湾街道持续推进法治建设") == [["清河区", "柳湾街道"]])
        #expect(names("2021年度新开铺街道法治政府建设情况报告") == [["新开铺街道"]])
    }

    @Test func wordsThatAreNotPlaces() {
        #expect(names("在区委、区政府的正确领导下，推进依法治区工作").isEmpty)
        #expect(names("以建设法治街道为目标，打造法治区示范点").isEmpty)
        #expect(names("组织派出所、市场监管、综合执法等部门开展联合检查").isEmpty)
        #expect(names("全街5个社区均建立了调解室，推进乡村振兴和城市管理").isEmpty)
        #expect(names("借助“西湖链链看”平台搭建企业与政府之间的沟通渠道").isEmpty)
        #expect(names("针对老旧小区和辖区内城乡结合部的问题，节省行政成本").isEmpty)
        #expect(names("推进全国文明城市创建，巩固国家卫生城市成果").isEmpty)
    }

    @Test func lawTitlesAreSkippedUnlessAsked() {
        let text = "编制《江州市临江区人民政府柳岸街道政务公开标准目录》"
        #expect(PlaceParser.chains(in: text).isEmpty)
        #expect(PlaceParser.chains(in: text, skipTitles: false).map(\.levels)
            == [PlaceLevels(city: "江州市", county: "临江区", township: "柳岸街道")])
    }
}
