/// Finds the members an object names twice in a JSON text, with their paths, so the JSON-RPC
/// layer can refuse `{"maxOutputTokens": 10, …, "maxOutputTokens": 100000}` naming the member
/// (and answering with the request's id) instead of keeping the last value in silence, as
/// Jansson does unless told to reject the whole text.
///
/// One forward pass over a text Jansson has already found to be JSON apart from the duplicate;
/// keys are compared decoded (escapes resolved), only keys are decoded. Used on that failure
/// path only.
public enum JSONDuplicateMembers {
    private enum Frame {
        case object(keys: Set<String>, current: String?, expectingKey: Bool)
        case array(index: Int)
    }

    /// The path of every repeated member (its second and later occurrences), in text order.
    public static func find(in bytes: [UInt8]) -> [[JSONPathComponent]] {
        var found: [[JSONPathComponent]] = []
        var stack: [Frame] = []
        var index = 0
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case 0x7B:
                stack.append(.object(keys: [], current: nil, expectingKey: true))
            case 0x5B:
                stack.append(.array(index: 0))
            case 0x7D, 0x5D:
                _ = stack.popLast()
            case 0x2C:
                switch stack.last {
                case .array(let position): stack[stack.count - 1] = .array(index: position + 1)
                case .object(let keys, let current, _): stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: true)
                case nil: break
                }
            case 0x3A:
                if case .object(let keys, let current, _) = stack.last {
                    stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: false)
                }
            case 0x22:
                let start = index
                index += 1
                var escaped = false
                while index < count, bytes[index] != 0x22 {
                    if bytes[index] == 0x5C { escaped = true; index += 1 }
                    index += 1
                }
                guard case .object(var keys, _, true) = stack.last else { break }
                let raw = bytes[start...min(index, count - 1)]
                let key = escaped ? ((try? JSONValue.parse(Array(raw)))?.stringValue ?? "")
                                  : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                if !keys.insert(key).inserted {
                    found.append(path(of: stack.dropLast()) + [.member(key)])
                }
                stack[stack.count - 1] = .object(keys: keys, current: key, expectingKey: false)
            default:
                break
            }
            index += 1
        }
        return found
    }

    /// The path down to the innermost frame's current member.
    private static func path(of frames: ArraySlice<Frame>) -> [JSONPathComponent] {
        frames.map { frame in
            switch frame {
            case .object(_, let current, _): return .member(current ?? "")
            case .array(let index): return .index(index)
            }
        }
    }
}
