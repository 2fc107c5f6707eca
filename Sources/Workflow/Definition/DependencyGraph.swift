/// Orders stages so every stage follows its deps, and reports a cycle as a path.
enum DependencyGraph {
    /// Kahn's algorithm; among ready stages the earliest in the file goes first,
    /// so the order is deterministic and stays close to what the user wrote.
    static func topologicalOrder(_ stages: [StageInstance], fail: (String) -> PipelineError) throws -> [StageInstance] {
        let position = Dictionary(uniqueKeysWithValues: stages.enumerated().map { ($1.name, $0) })
        var remaining = stages.map { Set($0.deps) }
        var dependents = Array(repeating: [Int](), count: stages.count)
        for (i, s) in stages.enumerated() { for d in Set(s.deps) { if let j = position[d] { dependents[j].append(i) } } }
        // A heap, not a sorted array: sorting the ready list on every step made
        // loading 100,000 independent stages quadratic.
        var ready = IndexHeap(stages.indices.filter { remaining[$0].isEmpty })
        var order: [StageInstance] = []
        order.reserveCapacity(stages.count)
        while let i = ready.popMin() {
            order.append(stages[i])
            for j in dependents[i] {
                remaining[j].remove(stages[i].name)
                if remaining[j].isEmpty { ready.push(j) }
            }
        }
        if order.count == stages.count { return order }
        throw fail("dependency cycle: \(findCycle(stages, position: position).joined(separator: " -> "))")
    }

    /// A cycle among the stages, as names with the first repeated at the end.
    static func findCycle(_ stages: [StageInstance], position: [String: Int]) -> [String] {
        var state = Array(repeating: 0, count: stages.count)  // 0 new, 1 on the path, 2 done
        var path: [Int] = []
        func visit(_ i: Int) -> [String]? {
            state[i] = 1; path.append(i)
            for d in stages[i].deps {
                guard let j = position[d] else { continue }
                if state[j] == 1, let start = path.firstIndex(of: j) {
                    return path[start...].map { stages[$0].name } + [stages[j].name]
                }
                if state[j] == 0, let c = visit(j) { return c }
            }
            state[i] = 2; path.removeLast()
            return nil
        }
        for i in stages.indices where state[i] == 0 { if let c = visit(i) { return c } }
        return []
    }
}
