/// The arithmetic of a window onto a longer list of rows, shared by the form, the field-code
/// browser and the pick list so they all scroll alike.
public enum ScrollWindow {
  /// The first row to show so that `range` is inside a window of `height` rows over `count`
  /// rows, moving as little as possible from `current`; when the range is taller than the
  /// window, its top wins. The window never starts past the point where its end shows the
  /// last row.
  public static func offset(
    showing range: ClosedRange<Int>, from current: Int, height: Int, count: Int
  ) -> Int {
    guard height > 0, count > 0 else { return 0 }
    var offset = min(max(0, current), max(0, count - height))
    if range.upperBound >= offset + height {
      offset = range.upperBound - height + 1
    }
    if range.lowerBound < offset {
      offset = range.lowerBound
    }
    return min(max(0, offset), max(0, count - height))
  }

  /// The index reached from `index` after `step` (negative goes up), kept inside `0..<count`.
  public static func moved(_ index: Int, by step: Int, count: Int) -> Int {
    guard count > 0 else { return 0 }
    return min(max(0, index + step), count - 1)
  }
}
