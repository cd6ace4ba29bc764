/// Byte constants shared by the scanners and the vocabulary parser, named so the byte tests
/// read as what they test.
enum ASCIIByte {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let apostrophe: UInt8 = 0x27
    static let slash: UInt8 = 0x2F
}
