/// The numbers the reference notebook printed (one seed, 42), shown beside
/// ours in the report. Facts from the study description, not our results.
enum NotebookReference {
    /// Test accuracy in percent, by activation identifier.
    static let testAccuracy: [String: Double] = [
        "sigmoid": 10.00, "tanh": 87.59, "relu": 88.62, "leakyrelu": 88.92, "elu": 87.27, "swish": 88.73,
    ]
    static let deadUntrained = [0, 0, 3, 10]
    static let deadTrained = [0, 0, 0, 3]
    static let deadDeepUntrained = [0, 0, 7, 27, 89, 60, 58, 61, 72, 56]
}
