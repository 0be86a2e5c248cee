# bash completion for netmap(1). Installed by `make install` into
# share/bash-completion/completions/netmap; or: source docs/completion/netmap.bash
_netmap()
{
	local cur prev cmd i opts
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	local commands="validate scan report show list scans diff prune forget export help"
	local report="--db --today --format --lang --table --to --from --subject --date --since
		--include-contacts --all --color --fail-on --duplicate-jaccard
		--duplicate-theme-jaccard --overlap-jaccard --min-shared --max-load --stale-days
		--ad-hoc-days --voices --similar-name"

	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
		return
	fi

	case $prev in
	--db | -o | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--lang) COMPREPLY=($(compgen -W "de en" -- "$cur")); return ;;
	--color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	--network) COMPREPLY=($(compgen -W "members overlaps" -- "$cur")); return ;;
	--status) COMPREPLY=($(compgen -W "active dormant dissolved" -- "$cur")); return ;;
	--kind) COMPREPLY=($(compgen -W "working_group network round_table steering_group
		advisory_board committee" -- "$cur")); return ;;
	--type) COMPREPLY=($(compgen -W "association chamber agency migrant_organisation
		youth_work volunteer_initiative club social_partner religious_community
		education_provider school administration other" -- "$cur")); return ;;
	--fail-on) COMPREPLY=($(compgen -W "duplicate nested overlap overloaded review gaps
		duplicate_actors" -- "$cur")); return ;;
	--format)
		case $cmd in
		validate) opts="text json github" ;;
		list | diff) opts="text json" ;;
		export) opts="graphml gexf dot json" ;;
		*) opts="text json markdown csv html email" ;;
		esac
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return ;;
	--today | --date | --since | --keep | --jobs | --table | --to | --from | --subject | --theme | \
	--duplicate-jaccard | --duplicate-theme-jaccard | --overlap-jaccard | --min-shared | \
	--max-load | --stale-days | --ad-hoc-days | --voices | --similar-name)
		return ;;
	esac

	case $cmd in
	validate) opts="--format --strict --today --lang --jobs" ;;
	scan) opts="$report --jobs" ;;
	report) opts="$report --jobs" ;;
	show) opts="--db --today --lang" ;;
	list) opts="--db --type --kind --theme --status --format --lang" ;;
	scans) opts="--db --lang" ;;
	diff) opts="--db --format --lang" ;;
	prune) opts="--db --keep" ;;
	forget) opts="--db" ;;
	export) opts="--db --format --network --output --include-contacts --today" ;;
	help) opts="--lang"; [[ $cur != -* ]] && opts="$commands" ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
	elif [[ $cmd == list ]]; then
		COMPREPLY=($(compgen -W "actors committees" -- "$cur"))
	elif [[ $cmd == help ]]; then
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
	elif [[ $cmd == validate || $cmd == scan ]]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _netmap netmap
