"""Rich output for notebook cells: display(), the display classes and display ids.

The objects are formatted by the kernel's own formatter (the `_repr_*_` methods of any object,
these classes included) and published through the front end the engine runs under.
"""

import _pymemlab_frontend as _frontend

__all__ = [
    "display", "update_display", "clear_output", "publish_display_data", "DisplayHandle",
    "DisplayObject", "TextDisplayObject", "Pretty", "HTML", "Markdown", "Math", "Latex", "SVG",
    "JSON", "Javascript", "Image", "display_pretty", "display_html", "display_markdown",
    "display_svg", "display_png", "display_jpeg", "display_latex", "display_json",
    "display_javascript",
]


def _merge(into, extra):
    """Metadata given to display() wins over what the formatters produced, per MIME type."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            into[key].update(value)
        else:
            into[key] = value


def publish_display_data(data, metadata=None, source=None, *, transient=None, **kwargs):
    """Publishes an already formatted MIME bundle (a dict of MIME type -> data)."""
    display_id = (transient or {}).get("display_id")
    _frontend.publish(data, metadata or {}, display_id, bool(kwargs.get("update")))


def display(*objs, include=None, exclude=None, metadata=None, transient=None, display_id=None,
            raw=False, clear=False, **kwargs):
    """Shows each object in every representation it has (text, HTML, images, ...).

    With display_id (or display_id=True for a new one) the output can be replaced later by
    update_display() or the DisplayHandle returned.
    """
    transient = dict(transient or {})
    metadata = metadata or {}
    if display_id:
        if display_id is True:
            display_id = _frontend.new_display_id()
        transient["display_id"] = display_id
    update = bool(kwargs.get("update"))
    if update and "display_id" not in transient:
        raise TypeError("display_id required for update_display")
    shown_id = transient.get("display_id")
    if not objs and display_id:
        objs = [{}]
        raw = True
    if clear:
        clear_output(wait=True)
    for obj in objs:
        if raw:
            _frontend.publish(obj, metadata, shown_id, update)
        else:
            _frontend.display_object(obj, include, exclude, metadata, shown_id, update)
    if display_id:
        return DisplayHandle(display_id)


def update_display(obj, *, display_id, **kwargs):
    """Replaces the output shown under display_id with obj."""
    kwargs["update"] = True
    display(obj, display_id=display_id, **kwargs)


def clear_output(wait=False):
    """Clears the cell's output; with wait=True, only once new output arrives to replace it."""
    _frontend.clear_output(wait)


class DisplayHandle:
    """A handle on an output that can be shown again or replaced."""

    def __init__(self, display_id=None):
        if display_id is None:
            display_id = _frontend.new_display_id()
        self.display_id = display_id

    def __repr__(self):
        return "<%s display_id=%s>" % (type(self).__name__, self.display_id)

    def display(self, obj, **kwargs):
        display(obj, display_id=self.display_id, **kwargs)

    def update(self, obj, **kwargs):
        update_display(obj, display_id=self.display_id, **kwargs)


def _read_file(filename, binary):
    with open(filename, "rb" if binary else "r") as f:
        return f.read()


class DisplayObject:
    """Data with a rich representation, given directly or read from a file."""

    _read_flags = "r"

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if data is not None and isinstance(data, str):
            if data.startswith("http") and url is None:
                url, data = data, None
            elif _looks_like_path(data) and filename is None:
                filename, data = data, None
        self.data = data
        self.url = url
        self.filename = filename
        self.metadata = {} if metadata is None else metadata
        self.reload()
        self._check_data()

    def __repr__(self):
        return "<%s.%s object>" % (type(self).__module__, type(self).__qualname__)

    def _check_data(self):
        pass

    def _data_and_metadata(self):
        if self.metadata:
            return self.data, dict(self.metadata)
        return self.data

    def reload(self):
        if self.filename is not None:
            self.data = _read_file(self.filename, self._read_flags == "rb")


def _looks_like_path(text):
    """A short one-line string naming an existing file is read from that file, as IPython does."""
    if len(text) > 255 or "\n" in text or "<" in text:
        return False
    try:
        import os
        return os.path.isfile(text)
    except Exception:
        return False


class TextDisplayObject(DisplayObject):
    """A display object whose data is text."""

    def _check_data(self):
        if self.data is not None and not isinstance(self.data, str):
            raise TypeError("%s expects text, not %r" % (type(self).__name__, self.data))


class Pretty(TextDisplayObject):
    """Plain text shown as it is."""

    def __repr__(self):
        return self.data


class HTML(TextDisplayObject):
    """HTML shown rendered."""

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if isinstance(data, str) and data.lstrip().lower().startswith("<iframe "):
            import warnings
            warnings.warn("Consider using IPython.display.IFrame instead")
        super().__init__(data=data, url=url, filename=filename, metadata=metadata)

    def _repr_html_(self):
        return self._data_and_metadata()

    def __html__(self):
        return self._repr_html_()


class Markdown(TextDisplayObject):
    """Markdown shown rendered."""

    def _repr_markdown_(self):
        return self._data_and_metadata()


class Math(TextDisplayObject):
    """A LaTeX formula, shown as display math."""

    def _repr_latex_(self):
        body = self.data.strip("$")
        if self.metadata:
            return "$$%s$$" % body, dict(self.metadata)
        return "$$%s$$" % body


class Latex(TextDisplayObject):
    """LaTeX shown rendered (the front end typesets the math it holds)."""

    def _repr_latex_(self):
        return self._data_and_metadata()


class SVG(DisplayObject):
    """An SVG image; given bytes or text, shown from its <svg> element on."""

    def _check_data(self):
        if isinstance(self.data, bytes):
            self.data = self.data.decode("utf-8")
        if isinstance(self.data, str):
            start = self.data.find("<svg")
            if start > 0:
                self.data = self.data[start:]

    def _repr_svg_(self):
        return self._data_and_metadata()


class JSON(DisplayObject):
    """JSON data shown as a browsable tree (application/json)."""

    def __init__(self, data=None, url=None, filename=None, expanded=False, metadata=None, root="root", **kwargs):
        self.metadata = {"expanded": expanded, "root": root}
        if metadata:
            self.metadata.update(metadata)
        if kwargs:
            self.metadata.update(kwargs)
        super().__init__(data=data, url=url, filename=filename, metadata=self.metadata)

    def _check_data(self):
        if isinstance(self.data, str):
            import json
            self.data = json.loads(self.data)
        if self.data is not None and not isinstance(self.data, (dict, list)):
            raise TypeError("%s expects JSONable dict or list" % type(self).__name__)

    def _repr_json_(self):
        return self._data_and_metadata()


class Javascript(TextDisplayObject):
    """JavaScript that a front end may run (JupyterLab only runs it from trusted notebooks)."""

    def _repr_javascript_(self):
        return self._data_and_metadata()


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8"


class Image(DisplayObject):
    """A PNG or JPEG image: bytes, a file, or a URL the front end loads."""

    _read_flags = "rb"

    def __init__(self, data=None, url=None, filename=None, format=None, embed=None, width=None,
                 height=None, retina=False, unconfined=False, metadata=None, alt=None):
        if filename is not None:
            ext = filename.rsplit(".", 1)[-1].lower()
        elif url is not None:
            ext = url.rsplit(".", 1)[-1].lower()
        else:
            ext = None
        if format is None and ext in ("png", "jpg", "jpeg"):
            format = "png" if ext == "png" else "jpeg"
        if format is None and isinstance(data, bytes):
            if data.startswith(_PNG_SIGNATURE):
                format = "png"
            elif data.startswith(_JPEG_SIGNATURE):
                format = "jpeg"
        if format == "jpg":
            format = "jpeg"
        if format not in (None, "png", "jpeg"):
            raise ValueError("Cannot embed the '%s' image format" % format)
        self.format = format
        self.embed = embed if embed is not None else (url is None or filename is not None)
        self.width = width
        self.height = height
        self.retina = retina
        self.unconfined = unconfined
        self.alt = alt
        super().__init__(data=data, url=url, filename=filename, metadata=metadata)

    def _image_metadata(self):
        md = {}
        if self.width:
            md["width"] = self.width
        if self.height:
            md["height"] = self.height
        if self.unconfined:
            md["unconfined"] = self.unconfined
        if self.alt:
            md["alt"] = self.alt
        md.update(self.metadata)
        return md

    def _repr_html_(self):
        if self.embed:
            return None
        attributes = ""
        if self.width:
            attributes += ' width="%d"' % self.width
        if self.height:
            attributes += ' height="%d"' % self.height
        if self.alt:
            attributes += ' alt="%s"' % self.alt
        return '<img src="%s"%s/>' % (self.url, attributes)

    def _repr_mimebundle_(self, include=None, exclude=None):
        if not self.embed or self.data is None:
            return None
        mime = "image/png" if self.format == "png" else "image/jpeg"
        md = self._image_metadata()
        return {mime: self.data}, ({mime: md} if md else {})


def _display_function(name, mime):
    """display_html and its siblings: only that MIME type (and text), or raw data of that type."""
    def show(*objs, raw=False, metadata=None):
        if raw:
            for obj in objs:
                publish_display_data({mime: obj}, metadata=metadata)
        else:
            display(*objs, include=["text/plain", mime])
    show.__name__ = show.__qualname__ = name
    return show


display_pretty = _display_function("display_pretty", "text/plain")
display_html = _display_function("display_html", "text/html")
display_markdown = _display_function("display_markdown", "text/markdown")
display_svg = _display_function("display_svg", "image/svg+xml")
display_png = _display_function("display_png", "image/png")
display_jpeg = _display_function("display_jpeg", "image/jpeg")
display_latex = _display_function("display_latex", "text/latex")
display_json = _display_function("display_json", "application/json")
display_javascript = _display_function("display_javascript", "application/javascript")
