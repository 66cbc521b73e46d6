import StickprovKit
print("stickprov \(Stickprov.version)")
