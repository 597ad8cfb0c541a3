"""Places a grid's spanning cells at their (row, column) as a browser lays out rowspan and colspan."""


def place(grid):
    """[((row, column), cell)] for every cell of `grid`, skipping positions covered by earlier spans."""
    taken = set()
    out = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append(((r, c), cell))
            for dr in range(cell.rows):
                for dc in range(cell.cols):
                    taken.add((r + dr, c + dc))
            c += cell.cols
    return out
