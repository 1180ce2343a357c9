
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'twin-studio' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'twin-studio'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'twin-studio' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check twin files (or folders of them): prints `ok PATH` per good file, errors on stderr')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the twin format')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Rewrite valid twin files in the canonical layout (the exact bytes the studio saves)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a report (html, md, pdf), a table (csv, xlsx) or one chart (svg, png) of twins')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Make a twin from a spreadsheet, or update a twin''s scores and moves from one')
            [CompletionResult]::new('present', 'present', [CompletionResultType]::ParameterValue, 'Present a twin full screen as a deck (opens a window; Esc leaves)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'twin-studio;validate' {
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Also fail (exit 1) on evidence-health flags: scores without evidence, claims without a source, bare-homepage or undated sources, stale evidence, a missing `as_of`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'twin-studio;schema' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'twin-studio;fmt' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'twin-studio;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'html, md, pdf, svg, png, csv, xlsx, deck-pdf or pptx')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'html, md, pdf, svg, png, csv, xlsx, deck-pdf or pptx')
            [CompletionResult]::new('--chart', '--chart', [CompletionResultType]::ParameterName, 'The chart for svg and png: radar, bars, deltas, map, timeline or history (scores over time)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file (default: beside the input, see above)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Output file (default: beside the input, see above)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'PDF paper size: a4 or letter')
            [CompletionResult]::new('--scale', '--scale', [CompletionResultType]::ParameterName, 'PNG scale: pixels per chart unit, above 0 and at most 8')
            [CompletionResult]::new('--aspect', '--aspect', [CompletionResultType]::ParameterName, 'Slide shape of deck-pdf and pptx: 16:9 or 4:3')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Projector theme of deck-pdf (default dark, as the live deck) and pptx (default light)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite existing files')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'twin-studio;import' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write a new twin file here')
            [CompletionResult]::new('--into', '--into', [CompletionResultType]::ParameterName, 'Update this twin file''s scores and moves in place')
            [CompletionResult]::new('--twin', '--twin', [CompletionResultType]::ParameterName, 'Which twin''s rows to take when the table holds several (its twin_id)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing --out file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'twin-studio;present' {
            [CompletionResult]::new('--slide', '--slide', [CompletionResultType]::ParameterName, 'The slide to start on, counting from 1')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Projector theme')
            [CompletionResult]::new('--rehearse', '--rehearse', [CompletionResultType]::ParameterName, 'Time each slide in a practice run; the times are saved into FILE when it ends, and the console then says on stage whether the talk runs ahead or behind')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'twin-studio;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check twin files (or folders of them): prints `ok PATH` per good file, errors on stderr')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the twin format')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Rewrite valid twin files in the canonical layout (the exact bytes the studio saves)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a report (html, md, pdf), a table (csv, xlsx) or one chart (svg, png) of twins')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Make a twin from a spreadsheet, or update a twin''s scores and moves from one')
            [CompletionResult]::new('present', 'present', [CompletionResultType]::ParameterValue, 'Present a twin full screen as a deck (opens a window; Esc leaves)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'twin-studio;help;validate' {
            break
        }
        'twin-studio;help;schema' {
            break
        }
        'twin-studio;help;fmt' {
            break
        }
        'twin-studio;help;export' {
            break
        }
        'twin-studio;help;import' {
            break
        }
        'twin-studio;help;present' {
            break
        }
        'twin-studio;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
