// libFuzzer's entry point for every govreport fuzz target. The four harnesses are compiled
// into one binary (the library sources are built once, instrumented); GOVREPORT_FUZZ_TARGET,
// set by scripts/fuzz, picks the harness.
#if canImport(Glibc)
import Glibc
#endif

let fuzzTarget: String = {
    guard let name = getenv("GOVREPORT_FUZZ_TARGET") else { return "" }
    return String(cString: name)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch fuzzTarget {
    case "decode": DecodeFuzz.run(bytes)
    case "strip": StripFuzz.run(bytes)
    case "segment": SegmentFuzz.run(bytes)
    case "quantity": QuantityFuzz.run(bytes)
    default:
        let message = "GOVREPORT_FUZZ_TARGET must be decode, strip, segment or quantity\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        exit(2)
    }
    return 0
}
