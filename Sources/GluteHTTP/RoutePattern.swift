/// A parsed route pattern: literal segments and `{name}` parameters.
struct RoutePattern: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]

    /// The path the pattern matches when it has no parameters and needs no percent-decoding.
    var literalPath: String? {
        var path = ""
        for segment in segments {
            guard case .literal(let text) = segment else { return nil }
            path += "/" + text
        }
        return path
    }

    var parameterNames: [String] {
        segments.compactMap {
            if case .parameter(let name) = $0 { return name }
            return nil
        }
    }

    /// Parses `/api/clients/{id}`; the text after the leading `/` splits at every `/`, so `/`
    /// is one empty segment and a trailing slash is significant.
    init(parsing text: String) throws(HTTPServerError) {
        guard text.first == "/" else {
            throw HTTPServerError(.invalidRoute, "route pattern '\(text)' must start with '/'")
        }
        var segments: [Segment] = []
        var names: Set<String> = []
        for piece in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if piece.first == "{" {
                guard piece.last == "}", piece.count > 2 else {
                    throw HTTPServerError(.invalidRoute, "route pattern '\(text)': a parameter is written {name}")
                }
                let name = String(piece.dropFirst().dropLast())
                guard Self.isIdentifier(name) else {
                    throw HTTPServerError(.invalidRoute, "route pattern '\(text)': '\(name)' is not a parameter name")
                }
                guard names.insert(name).inserted else {
                    throw HTTPServerError(.invalidRoute, "route pattern '\(text)' names '\(name)' twice")
                }
                segments.append(.parameter(name))
            } else {
                guard !piece.contains(where: { "{}?#%".contains($0) }) else {
                    throw HTTPServerError(.invalidRoute, "route pattern '\(text)' has a reserved character")
                }
                segments.append(.literal(String(piece)))
            }
        }
        self.segments = segments
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
            first.isASCII
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
    }
}
