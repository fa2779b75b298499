#pragma once
// A figure as a box: the image scaled to a width keeping its aspect, then its caption
// and credit lines directly under it. The box is never split (design: an image is
// never separated from its credit). Takes the figure, the width it stands at and the
// most height it may take; returns positions relative to the box's top-left.
#include "galley/galley.hpp"

#include <vector>

namespace quire::page {

struct FigureBox {
    Length image_x, image_width, image_height;   // image top is the box top
    struct PlacedLine { const galley::Line* line; Length baseline; bool credit; };
    std::vector<PlacedLine> lines;               // caption lines, then credit lines
    Length height;                               // image plus lines, to the last descender
};

FigureBox layout_figure(const galley::FigureBlock& figure, Length width, Length max_height);

// Appends the figure's drawing (image, caption, credit) with its box at (x, y).
void draw_figure(const galley::FigureBlock& figure, const FigureBox& box, Length x, Length y,
                 std::vector<render::DrawOp>& out);

// Appends a line's ops moved from its origin to (x, baseline) on the page.
void draw_line(const galley::Line& line, Length x, Length baseline, std::vector<render::DrawOp>& out);

}  // namespace quire::page
