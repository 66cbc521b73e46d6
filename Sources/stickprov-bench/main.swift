import StickprovKit
print("stickprov-bench: no benchmarks yet")
