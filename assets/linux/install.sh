#!/bin/sh
# Installs Twin Studio from this unpacked tarball for one user (default ~/.local) or system-wide
# (PREFIX=/usr/local, as root), registers the *.twin.json type and the menu entry, and records
# what it wrote so `./install.sh --uninstall` removes exactly that.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
manifest="$prefix/share/twin-studio/installed-files"

refresh() {
  # Each tool is optional: without it the menu or file type shows up after the next login.
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/share/mime" || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  if [ ! -f "$manifest" ]; then
    echo "twin-studio: nothing to uninstall under $prefix (no $manifest)" >&2
    exit 1
  fi
  while IFS= read -r file; do rm -f "$prefix/$file"; done < "$manifest"
  rm -f "$manifest"
  rmdir "$prefix/share/twin-studio/samples" "$prefix/share/twin-studio/completions" "$prefix/share/twin-studio" 2>/dev/null || true
  refresh
  echo "Twin Studio removed from $prefix"
  exit 0
fi

cd "$here"
find bin share -type f | sort > files.txt
while IFS= read -r file; do
  mkdir -p "$prefix/$(dirname "$file")"
  cp "$file" "$prefix/$file"
done < files.txt
chmod 755 "$prefix/bin/twin-studio"
# Launchers find the binary on PATH; if this prefix is not on it, name the binary in full.
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) sed -i "s|^Exec=twin-studio |Exec=\"$prefix/bin/twin-studio\" |; s|^TryExec=twin-studio$|TryExec=$prefix/bin/twin-studio|" \
       "$prefix/share/applications/twin-studio.desktop" ;;
esac
mkdir -p "$(dirname "$manifest")"
mv files.txt "$manifest"
refresh
echo "Twin Studio installed in $prefix; run twin-studio or pick it from the Office menu."
