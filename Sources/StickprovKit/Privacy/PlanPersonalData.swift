import Foundation

/// Keeps personal data out of `plan.json`: every text of a plan (risks, control points,
/// responsible, remark kinds, signal labels, adoption…) is looked at with
/// ``PersonalIdentityNumber``, whichever command put it there (`plan init`, `import`,
/// `edit`, `add-*`, a hand edit).
public enum PlanPersonalData {
    /// One issue per text of `plan` that holds something shaped like a personnummer, at its
    /// place in plan.json (`risks[0].controls[1].text`), the number masked.
    public static func issues(in plan: ControlPlan) -> [PlanIssue] {
        texts(in: plan).compactMap { place in
            PersonalIdentityNumber.find(in: place.text).first.map { match in
                PlanIssue(
                    path: place.path,
                    message:
                        "holds what looks like a personnummer (\(match.masked)); personal data does not belong in the plan"
                )
            }
        }
    }

    /// Every text of `plan` with its place in plan.json, in the order of the sorted keys.
    static func texts(in plan: ControlPlan) -> [(path: String, text: String)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(plan),
            let tree = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return [] }
        var found: [(path: String, text: String)] = []
        walk(tree, path: "", into: &found)
        return found
    }

    private static func walk(_ value: Any, path: String, into found: inout [(path: String, text: String)]) {
        if let text = value as? String {
            found.append((path, text))
        } else if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                if let child = object[key] { walk(child, path: path.isEmpty ? key : "\(path).\(key)", into: &found) }
            }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() { walk(child, path: "\(path)[\(index)]", into: &found) }
        }
    }
}
