-- pandoc filter for quire-formats(5): the reference's tables become definition lists.
-- A terminal is too narrow for its three- and four-column tables of long code words
-- (tbl squeezes them and troff warns it cannot break or adjust their lines); as a list
-- each row is its first cell over the others, each under its column's heading, and
-- nothing is lost. A table of pictures (layout-reference.md's --proof pages) says
-- where the pictures are instead: a man page has none.

local function is_empty(blocks)
  return #blocks == 0 or pandoc.utils.stringify(pandoc.Div(blocks)) == ""
end

function Table(tbl)
  local has_picture = false
  pandoc.walk_block(tbl, { Image = function() has_picture = true end })
  if has_picture then
    return pandoc.Para(pandoc.Inlines(
      "(Pictures of the shipped layouts with --proof are in quire's sources, src/input/schemas/pictures/.)"))
  end
  local simple = pandoc.utils.to_simple_table(tbl)
  local items = {}
  for _, row in ipairs(simple.rows) do
    local term = pandoc.utils.blocks_to_inlines(row[1])
    local definition = {}
    for column = 2, #row do
      if not is_empty(row[column]) then
        -- Two columns: the second is the definition. More: each cell under its heading.
        if #row == 2 then
          for _, block in ipairs(row[column]) do table.insert(definition, block) end
        else
          local inlines = pandoc.List({ pandoc.Emph(pandoc.utils.blocks_to_inlines(simple.headers[column])), pandoc.Str(":"), pandoc.Space() })
          inlines:extend(pandoc.utils.blocks_to_inlines(row[column]))
          table.insert(definition, pandoc.Para(inlines))
        end
      end
    end
    table.insert(items, { term, { definition } })
  end
  return pandoc.DefinitionList(items)
end
