import Foundation

/// Type checks on values parsed by `JSONSerialization`, which returns NSNumber for numbers and
/// booleans alike; the Objective-C type code tells them apart ("c" is a boolean).
enum JSONValueCheck {
    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func isNumber(_ value: Any) -> Bool {
        value is NSNumber && !isBool(value)
    }

    static func isInteger(_ value: Any) -> Bool {
        guard isNumber(value), let number = value as? NSNumber else { return false }
        let double = number.doubleValue
        return double.rounded() == double && abs(double) < 9.0e15
    }

    /// The problem with `value` for an option of `type`, or nil when it fits.
    static func mismatch(_ value: Any, expected type: OptionType) -> String? {
        let fits: Bool
        switch type {
        case .string: fits = value is String
        case .int: fits = isInteger(value)
        case .double: fits = isNumber(value)
        case .bool: fits = isBool(value)
        case .stringArray: fits = (value as? [Any])?.allSatisfy { $0 is String } ?? false
        case .object: fits = value is [String: Any]
        case .oneOf(let allowed):
            guard let string = value as? String else { return "expected \(type), found \(describe(value))" }
            return allowed.contains(string) ? nil : "\"\(string)\" is not allowed: expected \(type)"
        }
        return fits ? nil : "expected \(type), found \(describe(value))"
    }

    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBool(value) { return "a boolean" }
        if isInteger(value) { return "an integer" }
        if isNumber(value) { return "a number" }
        if value is String { return "a string" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "\(type(of: value))"
    }
}
