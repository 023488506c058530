import Foundation
import GluteHTTP
import Testing

@Suite struct ValueTests {
    @Test func headerNamesCompareWithoutCase() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain", "Set-Cookie": "a=1"]
        headers.add("set-cookie", "b=2")
        #expect(headers["content-TYPE"] == "text/plain")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        headers["SET-cookie"] = "c=3"
        #expect(headers.values(for: "Set-Cookie") == ["c=3"])
        #expect(headers.map(\.name) == ["Content-Type", "SET-cookie"])
        headers["content-type"] = nil
        #expect(!headers.contains("Content-Type"))
        #expect(headers.count == 1)
    }

    @Test func queryStringsDecodePlusAndPercent() {
        let query = QueryParameters(parsing: "a=1&b=x+y&c=%E2%9C%93&a=2&&d")
        #expect(query["a"] == "1")
        #expect(query.values(for: "a") == ["1", "2"])
        #expect(query["b"] == "x y")
        #expect(query["c"] == "✓")
        #expect(query["d"] == "")
        #expect(query.count == 5)
    }

    @Test func cookieHeadersParseIntoPairs() {
        let cookies = RequestCookies(["session=abc; csrf=\"x y\"; empty=; noequals", "theme=dark; session=second"])
        #expect(cookies["session"] == "abc")
        #expect(cookies["csrf"] == "x y")
        #expect(cookies["empty"] == "")
        #expect(cookies["noequals"] == nil)
        #expect(cookies["theme"] == "dark")
        #expect(cookies.count == 5)
        let request = HTTPRequest(method: .get, path: "/", headers: ["Cookie": "a=1"])
        #expect(request.cookies["a"] == "1")
    }

    @Test func setCookieHasSafeDefaultsAndEveryAttribute() throws {
        #expect(
            try SetCookie(name: "session", value: "abc").headerValue == "session=abc; Path=/; HttpOnly; SameSite=Lax")
        let full = try SetCookie(
            name: "csrf", value: "t0k3n", path: "/api", domain: "example.org", maxAge: 3600,
            expires: Date(timeIntervalSince1970: 784_111_777), secure: true, httpOnly: false, sameSite: .strict)
        #expect(
            full.headerValue
                == "csrf=t0k3n; Path=/api; Domain=example.org; Max-Age=3600; Expires=Sun, 06 Nov 1994 08:49:37 GMT; Secure; SameSite=Strict"
        )
        #expect(
            try SetCookie.expired(name: "session").headerValue == "session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
        var response = HTTPResponse()
        response.setCookie(try SetCookie(name: "a", value: "1"))
        response.setCookie(try SetCookie(name: "b", value: "2"))
        #expect(response.headers.values(for: "Set-Cookie").count == 2)
    }

    @Test(arguments: [("bad name", "v"), ("", "v"), ("n", "semi;colon"), ("n", "quote\""), ("n", "new\nline")])
    func setCookieRefusesCharactersItCannotCarry(name: String, value: String) {
        #expect(throws: HTTPServerError.self) { try SetCookie(name: name, value: value) }
    }

    @Test func statusesCompareByCode() {
        #expect(HTTPStatus(code: 404) == .notFound)
        #expect(HTTPStatus.notFound.description == "404 Not Found")
        #expect(!HTTPStatus.notModified.allowsBody)
        #expect(HTTPError(.notFound).message == "not found")
    }

    @Test func requestTargetsSplitPathAndQuery() {
        let request = HTTPRequest(method: .get, target: "/a/b?x=1")
        #expect(request.path == "/a/b")
        #expect(request.query["x"] == "1")
    }
}
