"""Where each stored row came from in the file being imported, by primary key.

Rows created by an import get ascending primary keys in file order, so they are kept
as two parallel arrays (16 bytes a row, searched by bisection) rather than a dict;
rows the import updated or found unchanged are few in comparison and kept in a dict.
While the created keys have no gaps (an import into a table of its own, the common
case) a key's place in the arrays is its distance from the first: no search at all.
"""

from array import array
from bisect import bisect_left


class LineMap:
    def __init__(self) -> None:
        self._created_pks = array("q")
        self._created_lines = array("q")
        self._other: dict[int, int] = {}

    def created(self, pk: int, line: int) -> None:
        if self._created_pks and pk <= self._created_pks[-1]:
            self._other[pk] = line  # not ascending (should not happen): still correct
            return
        self._created_pks.append(pk)
        self._created_lines.append(line)

    def touched(self, pk: int, line: int) -> None:
        self._other[pk] = line

    def line(self, pk: int) -> int | None:
        """The line of this row in the file, None when the file did not hold it."""
        pks = self._created_pks
        if pks:
            index = pk - pks[0]
            if pks[-1] - pks[0] != len(pks) - 1:  # gaps: search
                index = bisect_left(pks, pk)
            if 0 <= index < len(pks) and pks[index] == pk:
                return self._created_lines[index]
        return self._other.get(pk)

    def __contains__(self, pk: int) -> bool:
        return self.line(pk) is not None

    def __len__(self) -> int:
        return len(self._created_pks) + len(self._other)
