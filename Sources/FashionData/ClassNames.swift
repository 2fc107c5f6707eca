extension FashionSet {
    /// The ten FashionMNIST classes; label k names `classNames[k]`.
    public static let classNames: [String] = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]
}
