# bash completion for harpoonctl. Install: copy to /usr/share/bash-completion/completions/harpoonctl
# (or /etc/bash_completion.d/), or source it from ~/.bashrc.

_harpoonctl() {
  local cur prev cmd i opts
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    -d|--dir)
      COMPREPLY=($(compgen -d -- "$cur"))
      return 0
      ;;
    --timeout)
      COMPREPLY=($(compgen -W "500ms 2s 5s 30s 1m" -- "$cur"))
      return 0
      ;;
  esac
  cmd=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -d|--dir|--timeout) ((i++)) ;;
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  if [ -z "$cmd" ]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--dir --help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "status ls watch stop kill exit help" -- "$cur"))
    fi
    return 0
  fi
  case $cmd in
    status) opts="--json --timeout --dir" ;;
    ls) opts="--json --timeout" ;;
    watch) opts="--samples --raw --timeout --dir" ;;
    stop|kill) opts="--wait --timeout --dir" ;;
    exit) opts="--timeout --dir" ;;
    *) opts= ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
  elif [ "$cmd" = ls ]; then
    COMPREPLY=($(compgen -d -- "$cur"))
  fi
  return 0
}
complete -F _harpoonctl harpoonctl
