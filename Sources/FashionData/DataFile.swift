/// One dataset file to fetch: its name under each source's base URL and the
/// expected SHA-256 (lowercase hex) and optional size of its *decompressed*
/// content. The compressed bytes are not pinned, because mirrors re-compress
/// (Debian's .gz files differ from upstream's while their content is equal).
public struct DataFile: Codable, Sendable, Equatable {
    public var name: String
    public var sha256: String
    public var size: Int?

    public init(name: String, sha256: String, size: Int? = nil) {
        self.name = name
        self.sha256 = sha256
        self.size = size
    }

    /// The four FashionMNIST files with their decompressed checksums.
    public static let fashionMNIST: [DataFile] = [
        DataFile(name: "train-images-idx3-ubyte.gz",
                 sha256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", size: 47_040_016),
        DataFile(name: "train-labels-idx1-ubyte.gz",
                 sha256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", size: 60_008),
        DataFile(name: "t10k-images-idx3-ubyte.gz",
                 sha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", size: 7_840_016),
        DataFile(name: "t10k-labels-idx1-ubyte.gz",
                 sha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", size: 10_008),
    ]
}
