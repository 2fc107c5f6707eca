import Testing
@testable import Report

struct MarkdownTableTests {
    @Test func rendersPaddedAlignedColumnsAndEscapesPipes() throws {
        var t = MarkdownTable(headers: ["activation", "test acc", "note"], alignments: [.left, .right, .center])
        try t.addRow(["relu", "88.62%", "a|b"])
        try t.addRow(["sigmoid", "10.00%", "x"])
        let expected = """
        | activation | test acc | note |
        | :--------- | -------: | :--: |
        | relu       |   88.62% | a\\|b |
        | sigmoid    |   10.00% |  x   |

        """
        #expect(t.render() == expected)
    }

    @Test func newlinesInCellsBecomeSpaces() throws {
        var t = MarkdownTable(headers: ["a"])
        try t.addRow(["one\ntwo"])
        #expect(t.render() == "| a       |\n| :------ |\n| one two |\n")
    }

    @Test func wrongCellCountIsAnError() {
        var t = MarkdownTable(headers: ["a", "b"])
        #expect(throws: MarkdownTableError.cellCount(row: 1, got: 1, expected: 2)) { try t.addRow(["x"]) }
        #expect(MarkdownTableError.cellCount(row: 1, got: 1, expected: 2).description
            == "markdown table: row 1 has 1 cells, expected 2 (one per header)")
    }

    @Test func numberFormatsAreFixedAndSignless() {
        #expect(NumberFormat.fixed(3.14159, 2) == "3.14")
        #expect(NumberFormat.fixed(-0.001, 2) == "0.00")
        #expect(NumberFormat.fixed(-1.5, 1) == "-1.5")
        #expect(NumberFormat.percent(0.8862) == "88.62%")
        #expect(NumberFormat.percent(0.0781, 1) == "7.8%")
        #expect(NumberFormat.meanStd(88.6, 0.314) == "88.60 ± 0.31")
        #expect(NumberFormat.meanStdPercent(0.886, 0.00314) == "88.60 ± 0.31%")
        #expect(NumberFormat.general(1.0 / 3.0) == "0.333333")
        #expect(NumberFormat.general(1.234567e-7) == "1.23457e-07")
        #expect(NumberFormat.general(.nan) == "NaN")
        #expect(NumberFormat.general(-0.0) == "0")
        #expect(NumberFormat.scientific(0.000123456, 2) == "1.23e-04")
    }
}
