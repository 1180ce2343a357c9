# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_twin_studio_global_optspecs
    string join \n h/help V/version
end

function __fish_twin_studio_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_twin_studio_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_twin_studio_using_subcommand
    set -l cmd (__fish_twin_studio_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c twin-studio -n "__fish_twin_studio_needs_command" -s h -l help -d 'Print help'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -s V -l version -d 'Print version'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -a "validate" -d 'Check twin files (or folders of them): prints `ok PATH` per good file, errors on stderr'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -a "schema" -d 'Print the JSON Schema of the twin format'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -a "fmt" -d 'Rewrite valid twin files in the canonical layout (the exact bytes the studio saves)'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -a "export" -d 'Export a report (html, md, pdf), a table (csv, xlsx) or one chart (svg, png) of twins'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -a "import" -d 'Make a twin from a spreadsheet, or update a twin\'s scores and moves from one'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -a "present" -d 'Present a twin full screen as a deck (opens a window; Esc leaves)'
complete -c twin-studio -n "__fish_twin_studio_needs_command" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand validate" -l strict -d 'Also fail (exit 1) on evidence-health flags: scores without evidence, claims without a source, bare-homepage or undated sources, stale evidence, a missing `as_of`'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand validate" -s h -l help -d 'Print help'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand schema" -s h -l help -d 'Print help'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand fmt" -s h -l help -d 'Print help'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -s f -l format -d 'html, md, pdf, svg, png, csv, xlsx, deck-pdf or pptx' -r
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -l chart -d 'The chart for svg and png: radar, bars, deltas, map, timeline or history (scores over time)' -r
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -s o -l out -d 'Output file (default: beside the input, see above)' -r -F
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -l page -d 'PDF paper size: a4 or letter' -r
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -l scale -d 'PNG scale: pixels per chart unit, above 0 and at most 8' -r
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -l aspect -d 'Slide shape of deck-pdf and pptx: 16:9 or 4:3' -r
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -l theme -d 'Projector theme of deck-pdf (default dark, as the live deck) and pptx (default light)' -r -f -a "dark\t''
light\t''"
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -l force -d 'Overwrite existing files'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand import" -l out -d 'Write a new twin file here' -r -F
complete -c twin-studio -n "__fish_twin_studio_using_subcommand import" -l into -d 'Update this twin file\'s scores and moves in place' -r -F
complete -c twin-studio -n "__fish_twin_studio_using_subcommand import" -l twin -d 'Which twin\'s rows to take when the table holds several (its twin_id)' -r
complete -c twin-studio -n "__fish_twin_studio_using_subcommand import" -l force -d 'Overwrite an existing --out file'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand present" -l slide -d 'The slide to start on, counting from 1' -r
complete -c twin-studio -n "__fish_twin_studio_using_subcommand present" -l theme -d 'Projector theme' -r -f -a "dark\t''
light\t''"
complete -c twin-studio -n "__fish_twin_studio_using_subcommand present" -l rehearse -d 'Time each slide in a practice run; the times are saved into FILE when it ends, and the console then says on stage whether the talk runs ahead or behind'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand present" -s h -l help -d 'Print help'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand help; and not __fish_seen_subcommand_from validate schema fmt export import present help" -f -a "validate" -d 'Check twin files (or folders of them): prints `ok PATH` per good file, errors on stderr'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand help; and not __fish_seen_subcommand_from validate schema fmt export import present help" -f -a "schema" -d 'Print the JSON Schema of the twin format'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand help; and not __fish_seen_subcommand_from validate schema fmt export import present help" -f -a "fmt" -d 'Rewrite valid twin files in the canonical layout (the exact bytes the studio saves)'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand help; and not __fish_seen_subcommand_from validate schema fmt export import present help" -f -a "export" -d 'Export a report (html, md, pdf), a table (csv, xlsx) or one chart (svg, png) of twins'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand help; and not __fish_seen_subcommand_from validate schema fmt export import present help" -f -a "import" -d 'Make a twin from a spreadsheet, or update a twin\'s scores and moves from one'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand help; and not __fish_seen_subcommand_from validate schema fmt export import present help" -f -a "present" -d 'Present a twin full screen as a deck (opens a window; Esc leaves)'
complete -c twin-studio -n "__fish_twin_studio_using_subcommand help; and not __fish_seen_subcommand_from validate schema fmt export import present help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
