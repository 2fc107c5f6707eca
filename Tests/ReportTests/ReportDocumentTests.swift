import Testing
@testable import Report

struct ReportDocumentTests {
    @Test func assemblesBlocksInOrder() throws {
        var doc = ReportDocument()
        doc.heading("Activation functions", level: 1)
        doc.paragraph("Six functions were compared.\n")
        doc.bullets(["ReLU", "Swish"])
        var t = MarkdownTable(headers: ["a", "b"], alignments: [.left, .right])
        try t.addRow(["x", "1"])
        doc.table(t)
        doc.figure(caption: "Functions [and derivatives]", path: "figures/activations.svg",
                   note: "Redraw with `gnuplot activations.gp`.")
        doc.code("swift build", language: "sh")
        doc.provenance([(name: "dataset", value: "abc123"), (name: "seeds", value: "")])
        let expected = """
        # Activation functions

        Six functions were compared.

        - ReLU
        - Swish

        | a   |   b |
        | :-- | --: |
        | x   |   1 |

        ![Functions \\[and derivatives\\]](figures/activations.svg)

        *Redraw with `gnuplot activations.gp`.*

        ```sh
        swift build
        ```

        | item    | value    |
        | :------ | :------- |
        | dataset | `abc123` |
        | seeds   |          |

        """
        #expect(doc.render() == expected)
    }

    @Test func codeFenceGrowsPastBackticksInside() {
        var doc = ReportDocument()
        doc.code("a ``` b")
        #expect(doc.render() == "````\na ``` b\n````\n")
    }

    @Test func headingLevelIsClamped() {
        var doc = ReportDocument()
        doc.heading("x", level: 9)
        doc.heading("y\nz", level: 0)
        #expect(doc.render() == "###### x\n\n# y z\n")
    }
}
