"""The main window: org unit and year at the top, domains on the left, the form (or grid, or completeness)
in the centre, validation messages below, store / save state / station in the status bar.

It is the view: what is selected lives in ``ui/selection.py``, saving and the unsaved-edits guard in
``ui/save_flow.py``, the menus in ``ui/menus.py`` (items declared in ``ui/window_actions.py`` and by the
features). Feature modules use the API described in ``ui/features.py``; this class is its implementation.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from ..domain.errors import JzError
from ..domain.periods import MAX_YEAR, MIN_YEAR
from ..domain.submission import is_locked
from ..services.access import CLERK, ROLE_NAMES, allowed
from . import dialogs, settings
from .menus import apply_shortcuts, build_menus, place
from .qt import QCloseEvent, QLabel, QListWidgetItem, QMainWindow, QMenu, QObject, QWidget
from .settings import language

if TYPE_CHECKING:  # pragma: no cover
    from ..services.context import Context
    from ..services.station import Station
    from .background import Operation
    from .forms.form_view import FormView
    from .forms.grid import GridView
    from .menu_action import MenuAction
    from .qt import QAction
    from .save_flow import SaveFlow
    from .selection import Selection

# The window paints its frame before the store is open (ui/application.py): everything that imports SQLAlchemy
# (services that read the store, and the views built on them) is imported in ``attach`` and the methods below,
# and so is Qt's ``Qt`` namespace (its first use costs ~12 ms, more than the frame itself).

FORM_TAB, GRID_TAB, COMPLETENESS_TAB = 0, 1, 2
GRID_YEARS = 5
T = TypeVar("T", bound=QObject)


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context | None = None, station: Station | None = None, parent: QWidget | None = None):
        """With a store: the whole window. Without: only its frame (title, menus, status bar, "opening the
        data…"), painted at once while the store opens; ``attach`` then fills it."""
        super().__init__(parent)
        self.ctx: Context | None = None
        self.station = station
        self.english = language() == "en"
        self.forms: dict[str, FormView] = {}
        self.menus: dict[str, QMenu] = {}
        self.placed: list[tuple[MenuAction, QAction]] = []  # every menu item with its declaration (ui/menus.py)
        self.shortcuts: list = []  # (action, key) given by apply_shortcuts in attach
        self.controllers: dict[type, QObject] = {}
        self.operations: list[Operation] = []
        self.selection: Selection | None = None
        self.saving: SaveFlow | None = None
        self._stale = {GRID_TAB: True, COMPLETENESS_TAB: True}
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Jiaozuo health statistics"))
        build_menus(self)
        self._build_status_bar()
        self.resize(1200, 800)
        geometry = settings.read(settings.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._fit_screen()
        if ctx is None:
            opening = QLabel(self.tr("Opening the data…"), self)
            opening.setObjectName("opening")  # centred by the style sheet: no ``Qt`` enum needed yet
            self.setCentralWidget(opening)
            self._enable_actions(False)  # nothing to act on yet; 文件 → 退出 stays usable (keys come in attach)
        else:
            self.attach(ctx, station)

    def attach(self, ctx: Context, station: Station) -> None:
        """The store is open: build the selectors, domains, views and messages, and show the remembered form."""
        from .save_flow import SaveFlow
        from .selection import Selection

        self.ctx, self.station = ctx, station
        self.orgs = self._visible_orgs()
        self.saving = SaveFlow(self)
        self.selection = Selection(ctx, self.orgs, self.saving.confirm_leave, self)
        self.selection.moved.connect(self._selection_moved)
        self.selection.kept.connect(self._show_selection)
        self._build()
        self.store_label.setText(self.tr("Store: {name}").format(
            name=ctx.db.path.name if ctx.db.path else ctx.db.display))
        self.store_label.setToolTip(ctx.db.display)  # the file path, or a server URL without its password
        self.station_label.setText(self._station_text())
        apply_shortcuts(self)
        self._enable_actions(True)
        self.selection_changed.connect(self.mirror_rights)
        self._restore()
        self._load()
        self.mirror_rights()
        self.focus_form()  # typing straight away lands in the first empty figure

    def is_attached(self) -> bool:
        return self.ctx is not None

    def _enable_actions(self, enabled: bool) -> None:
        for _spec, action in self.placed:
            if action.objectName() != "quit":
                action.setEnabled(enabled)

    def add_actions(self, declared: list[MenuAction]) -> list[QAction]:
        """Place the features' declared menu items (ui/features.py), with their keys and rights."""
        made = place(self, declared)
        if self.is_attached():
            apply_shortcuts(self)
            self.mirror_rights()
        else:
            for action in made:
                action.setEnabled(False)
        return made

    def action(self, name: str) -> QAction:
        """The menu item with this object name (``save``, ``submitForm``…)."""
        return next(action for _spec, action in self.placed if action.objectName() == name)

    def controller(self, kind: type[T]) -> T:
        """The one ``kind(window)`` of this window (a feature's actions), made on first use."""
        if kind not in self.controllers:
            self.controllers[kind] = kind(self)
        return self.controllers[kind]  # type: ignore[return-value]

    # ---- the feature-module API (see ui/features.py) ------------------------------------------------
    def menu(self, key: str) -> QMenu:
        return self.menus[key]

    @property
    def selection_changed(self):
        """Signal(str org, int year, str domain): the selected form is on screen."""
        return self.selection.changed

    def current_org(self) -> str:
        return self.selection.org

    def current_year(self) -> int:
        return self.selection.year

    def current_domain(self) -> str:
        return self.selection.domain

    def showing_one_form(self) -> bool:
        """False while the completeness tab (every form of the year) is shown."""
        return self.tabs.currentIndex() != COMPLETENESS_TAB

    def showing_grid(self) -> bool:
        return self.tabs.currentIndex() == GRID_TAB

    @property
    def grid(self) -> GridView:
        """The grid view, built the first time it is wanted: a clerk who only types in the form never pays for
        its model and table at start."""
        if self._grid is None:
            from .forms.grid import GridView

            grid = GridView(self.ctx, self.grid_page)
            grid.model_.edits_changed.connect(lambda _d: self.update_save_state())
            grid.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            grid.pasted.connect(lambda n: self.statusBar().showMessage(
                self.tr("Pasted {count} cells; each one was checked").format(count=n), 5000))
            layout = self.grid_page.layout()
            assert layout is not None
            layout.addWidget(grid)
            grid.show()  # a layout shows a late child only from the event loop: focus must land on it now
            self.grid_page.setFocusProxy(grid)
            self._grid = grid
        return self._grid

    def grid_dirty(self) -> bool:
        """Unsaved edits in the grid (none while it has never been built)."""
        return self._grid is not None and self._grid.model_.is_dirty()

    def form_title(self) -> str:
        """「修武县 2021 医养结合」: the selected form, as the unsaved-edits question names it."""
        domain = self.form_view.domain
        name = domain.name_en if self.english else domain.name
        return f"{self.org_name(self.current_org())} {self.current_year()} {name}"

    def reload(self) -> None:
        self._load()

    def run_in_background(self, title, fn, on_done, on_error=None, cancellable=False) -> Operation:
        def failed(exc: BaseException) -> None:
            (on_error or (lambda e: dialogs.show_error(self, title, e)))(exc)

        from .background import run_in_background

        operation = run_in_background(self, title, fn, on_done, failed, cancellable)
        self.operations = [op for op in self.operations if not op.done] + [operation]
        return operation

    # ---- layout ---------------------------------------------------------------------------------------
    def _visible_orgs(self) -> list[str]:
        """A signed-in county clerk sees their county, a county station its county; the city station (or one
        not set up) sees the city and all counties."""
        principal = self.ctx.principal
        if principal is not None and principal.role == CLERK:
            return [principal.org]
        if self.station.kind == "county":
            return [self.station.org]
        return [self.ctx.city.code] + [u.code for u in self.ctx.counties()]

    def org_name(self, code: str) -> str:
        unit = self.ctx.org(code)
        return unit.name_en if self.english else unit.name

    def _build(self) -> None:
        from .completeness import CompletenessView
        from .due import DueBanner
        from .issue_list import IssueList
        from .qt import QComboBox, QHBoxLayout, QListWidget, QSplitter, QStackedWidget, Qt, QTabWidget, QVBoxLayout

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        bar = QHBoxLayout()
        self.org_box = QComboBox(central)
        self.org_box.setObjectName("orgSelector")
        for code in self.orgs:
            unit = self.ctx.org(code)
            label = self.org_name(code) + (self.tr(" (city's own figures)") if unit.level == "city" else "")
            self.org_box.addItem(label, code)
        self.org_box.setEnabled(len(self.orgs) > 1)
        self.year_box = QComboBox(central)
        self.year_box.setObjectName("yearSelector")
        this_year = datetime.now().year
        for year in range(min(this_year + 1, MAX_YEAR), MIN_YEAR - 1, -1):
            self.year_box.addItem(self.tr("{year}").format(year=year), year)
        org_label = QLabel(self.tr("&Unit:"), central)
        org_label.setBuddy(self.org_box)
        year_label = QLabel(self.tr("&Year:"), central)
        year_label.setBuddy(self.year_box)
        self.status_badge = QLabel(central)
        self.status_badge.setObjectName("statusBadge")
        for widget in (org_label, self.org_box, year_label, self.year_box):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.status_badge)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.due_banner = DueBanner(central)
        self.due_banner.open_requested.connect(lambda domain: self.open_form(self.current_org(), domain))
        outer.addWidget(self.due_banner)

        self.domain_list = QListWidget(central)
        self.domain_list.setObjectName("domains")
        for dom in self.ctx.catalogue.domains:
            item = QListWidgetItem(dom.name_en if self.english else dom.name)
            item.setData(Qt.ItemDataRole.UserRole, dom.code)
            self.domain_list.addItem(item)
        self.domain_list.setMinimumWidth(180)  # the longest name (医疗保障与基本公共卫生) still fits at 150 %
        self.domain_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.domain_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Ctrl+L reaches it; Enter opens the form
        self.domain_list.itemActivated.connect(lambda _item: self.focus_form())

        self.stack = QStackedWidget(central)
        self._grid: GridView | None = None
        self.grid_page = QWidget(central)  # holds the grid once Ctrl+2 first wants it (see ``grid``)
        QVBoxLayout(self.grid_page).setContentsMargins(0, 0, 0, 0)
        self.completeness = CompletenessView(self.ctx, central)
        self.completeness.open_requested.connect(self.open_form)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("views")
        self.tabs.addTab(self.stack, self.tr("Form"))
        self.tabs.addTab(self.grid_page, self.tr("Grid"))
        self.tabs.addTab(self.completeness, self.tr("Completeness"))
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.issue_list = IssueList(central)
        self.issue_list.field_chosen.connect(self._go_to_field)

        self.note_label = QLabel(central)  # the focused field's rule, so a clerk sees it before typing
        self.note_label.setObjectName("fieldNote")
        self.note_label.setWordWrap(True)
        views = QWidget(central)
        views_layout = QVBoxLayout(views)
        views_layout.setContentsMargins(0, 0, 0, 0)
        views_layout.setSpacing(2)
        views_layout.addWidget(self.tabs, 1)
        views_layout.addWidget(self.note_label)
        self.right = QSplitter(Qt.Orientation.Vertical, central)
        self.right.addWidget(views)
        self.right.addWidget(self.issue_list)
        self.right.setStretchFactor(0, 5)
        self.right.setStretchFactor(1, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal, central)
        self.split.addWidget(self.domain_list)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([180, 1020])
        self.right.setSizes([900, self.issue_list.minimumHeight()])
        outer.addWidget(self.split, 1)
        self.setCentralWidget(central)

        self.org_box.currentIndexChanged.connect(self._selector_moved)
        self.year_box.currentIndexChanged.connect(self._year_moved)
        self.domain_list.currentRowChanged.connect(self._selector_moved)
        self.tabs.currentChanged.connect(self._tab_changed)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.store_label = QLabel(self)
        self.store_label.setObjectName("storeLabel")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveState")
        self.station_label = QLabel(self)
        self.station_label.setObjectName("stationLabel")
        for widget in (self.store_label, self.save_label, self.station_label):
            status.addPermanentWidget(widget)

    def _station_text(self) -> str:
        principal = self.ctx.principal
        if principal is not None:
            role_zh, role_en = ROLE_NAMES.get(principal.role, (principal.role, principal.role))
            return self.tr("Signed in: {name} ({role})").format(name=principal.name,
                                                                 role=role_en if self.english else role_zh)
        st = self.station
        if st.kind == "county":
            return self.tr("County station: {org} · operator {name}").format(org=self.org_name(st.org), name=st.operator)
        if st.kind == "city":
            return self.tr("City station · operator {name}").format(name=st.operator)
        return self.tr("Station not set up")

    # ---- settings ---------------------------------------------------------------------------------------
    def _restore(self) -> None:
        store = settings.ui_settings()
        for setting, splitter in ((settings.SPLIT, self.split), (settings.RIGHT, self.right)):
            state = settings.read(setting, store=store)
            if state is not None:
                splitter.restoreState(state)
        self.selection.restore()
        self._show_selection()

    def save_settings(self) -> None:
        store = settings.ui_settings()
        settings.write(settings.GEOMETRY, self.saveGeometry(), store=store)
        settings.write(settings.SPLIT, self.split.saveState(), store=store)
        settings.write(settings.RIGHT, self.right.saveState(), store=store)
        self.selection.save(store)
        store.sync()

    # ---- selection --------------------------------------------------------------------------------------
    def _show_selection(self) -> None:
        """Put the selectors on the committed selection without triggering a change."""
        for widget in (self.org_box, self.year_box, self.domain_list):
            widget.blockSignals(True)
        org, year, domain = self.selection.current()
        self.org_box.setCurrentIndex(self.org_box.findData(org))
        self.year_box.setCurrentIndex(self.year_box.findData(year))
        self.domain_list.setCurrentRow(self.selection.codes.index(domain))
        for widget in (self.org_box, self.year_box, self.domain_list):
            widget.blockSignals(False)

    def _selector_moved(self, *_args) -> None:
        from .qt import Qt

        item = self.domain_list.currentItem()
        wanted = (self.org_box.currentData(), self.year_box.currentData(),
                  item.data(Qt.ItemDataRole.UserRole) if item else self.current_domain())
        self.select(*wanted)

    def _year_moved(self, *_args) -> None:
        """A new year: the cursor goes to the form's first empty figure, so typing lands at once."""
        before = self.current_year()
        self._selector_moved()
        if self.current_year() != before:
            self.focus_form()

    def select(self, org: str, year: int, domain: str) -> bool:
        """Move to (org, year, domain), asking about unsaved changes first; False if the clerk cancelled."""
        return self.selection.select(org, year, domain)

    def _selection_moved(self) -> None:
        self._show_selection()
        self._load()

    def open_form(self, org: str, domain: str) -> None:
        if org in self.orgs and self.select(org, self.current_year(), domain):
            self.focus_form()

    def step_domain(self, step: int) -> None:
        if self.select(self.current_org(), self.current_year(), self.selection.stepped(step)):
            # the grid shows one domain and stays; the completeness view shows them all, so a step means the form
            self.show_tab(GRID_TAB if self.tabs.currentIndex() == GRID_TAB else FORM_TAB)

    # ---- where the keyboard goes ------------------------------------------------------------------------
    def focus_form(self) -> None:
        """Show the form and put the cursor on its first empty figure (or the form itself when read-only)."""
        self.tabs.setCurrentIndex(FORM_TAB)
        if not self.form_view.focus_start():
            self.form_view.setFocus()

    def show_tab(self, index: int) -> None:
        """Ctrl+1 / Ctrl+2 / Ctrl+3 (and a domain step): the view, with the keyboard in it."""
        if index == FORM_TAB:
            self.focus_form()
            return
        self.tabs.setCurrentIndex(index)
        if index == GRID_TAB:
            model = self.grid.model_
            if not self.grid.currentIndex().isValid() and model.rowCount() and model.columnCount():
                self.grid.setCurrentIndex(model.index(0, model.columnCount() - 1))  # this year's column
            self.grid.setFocus()
        else:
            self.completeness.table.setFocus()

    def focus_domains(self) -> None:
        self.domain_list.setFocus()

    def step_issue(self, step: int) -> None:
        """F8 / Shift+F8: the next / previous message that names a field, and the cursor into that field."""
        if not self.issue_list.step(step):
            self.statusBar().showMessage(self.tr("No problems found"), 3000)

    def next_required(self) -> None:
        """转到下一个未填必填项: the cursor into the next empty required figure of this form."""
        self.tabs.setCurrentIndex(FORM_TAB)
        code = self.form_view.next_required_empty()
        if code is None:
            self.statusBar().showMessage(self.tr("Every required field of this form is filled"), 4000)
            return
        self.form_view.focus_field(code)

    def find_field(self) -> None:
        """Ctrl+F: type part of a field's name or code; Enter opens its form with the cursor in it."""
        from .forms.search import FieldSearch

        dialog = FieldSearch(self.ctx, self.english, self)
        chosen = dialog.exec() and dialog.chosen
        self.activateWindow()  # the keyboard back to the form at once, whatever the window manager does
        if chosen:
            domain, code = dialog.chosen
            if self.select(self.current_org(), self.current_year(), domain):
                self.tabs.setCurrentIndex(FORM_TAB)
                if code in self.form_view.rows and self.form_view.rows[code].editable:
                    self.form_view.focus_field(code)
                else:
                    self.statusBar().showMessage(self.tr("This field is not typed here"), 4000)

    # ---- loading ----------------------------------------------------------------------------------------
    @property
    def form_view(self) -> FormView:
        domain = self.current_domain()
        view = self.forms.get(domain)
        if view is None:  # built once per domain, then only refilled: switching stays fast
            from .forms.form_view import FormView

            view = FormView(self.ctx, domain, self.stack)
            view.dirty_changed.connect(lambda _d: self.update_save_state())
            view.issues_changed.connect(
                lambda issues: self.issue_list.show_issues(issues, self.form_view, self.english))
            view.history_requested.connect(self.show_history)
            view.note_changed.connect(self.note_label.setText)
            view.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
            self.stack.addWidget(view)
            self.forms[domain] = view
        return view

    def _load(self) -> None:
        from ..services.aggregate import aggregate_year
        from ..services.forms import read_form

        org, year, domain = self.selection.current()
        view = self.form_view
        self.stack.setCurrentWidget(view)
        try:
            form = read_form(self.ctx, org, year, domain)
            level = self.ctx.org(org).level
            totals = aggregate_year(self.ctx, year, org) if level == "city" else None
        except JzError as exc:
            dialogs.show_error(self, self.tr("Cannot open the form"), exc)
            return
        readonly = is_locked(form.status) or not allowed(self.ctx, "values.write", org)
        view.load(form, level, readonly, totals)
        self.note_label.clear()
        self.form_status = self._form_status()
        self.status_badge.setText(self.tr("Form status: {status}").format(status=self.status_text()))
        self._stale = {GRID_TAB: True, COMPLETENESS_TAB: True}
        self._refresh_tab(self.tabs.currentIndex())
        self.update_save_state()
        if len(self.orgs) == 1:  # a county's screen: what it still owes this year
            self.due_banner.refresh(self.ctx, org, year, self.english)
        self.selection.changed.emit(org, year, domain)

    def _form_status(self):
        from ..services.workflow import get_status

        try:
            return get_status(self.ctx, *self.selection.current())
        except JzError:
            return None

    def status_text(self) -> str:
        """The shown form's state in words; a draft changed after submission says it must go again."""
        status = self.form_status
        if status is None:
            return ""
        if status.edited_after_submit:
            return self.tr("Changed, to be submitted again")
        return self.completeness.status_name(status.status)

    def mirror_rights(self, *_args) -> None:
        """Menu actions carrying a "right" property are enabled only where the services would allow them."""
        for spec, action in self.placed:
            if spec.right:
                action.setEnabled(allowed(self.ctx, spec.right, self.current_org()))

    def _tab_changed(self, index: int) -> None:
        self._refresh_tab(index)
        self.update_save_state()

    def _refresh_tab(self, index: int) -> None:
        if not self._stale.get(index):
            return
        self._stale[index] = False
        if index == GRID_TAB:
            self.load_grid()
        elif index == COMPLETENESS_TAB:
            self.completeness.refresh(self.current_year(), self.orgs)

    def grid_columns(self) -> tuple[list[tuple[str, int]], list[str]]:
        """The city sees indicators × counties for the year; a county sees indicators × recent years."""
        org, year = self.current_org(), self.current_year()
        if self.ctx.org(org).level == "city":
            counties = [o for o in self.orgs if self.ctx.org(o).level == "county"]
            return [(o, year) for o in counties], [self.org_name(o) for o in counties]
        years = [y for y in range(year - GRID_YEARS + 1, year + 1) if y >= MIN_YEAR]
        return [(org, y) for y in years], [self.tr("{year}").format(year=y) for y in years]

    def load_grid(self) -> None:
        columns, labels = self.grid_columns()
        self._stale[GRID_TAB] = False
        try:
            self.grid.load(self.current_domain(), columns, labels)
        except JzError as exc:
            dialogs.show_error(self, self.tr("Cannot open the grid"), exc)

    # ---- saving (ui/save_flow.py) ------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.saving.is_dirty()

    def update_save_state(self) -> None:
        dirty = self.is_dirty()
        if dirty:
            text = self.tr("Unsaved changes")
        elif self.saving.saved_at is not None:
            text = self.tr("Saved {time}").format(time=self.saving.saved_at.strftime("%H:%M"))
        else:
            text = self.tr("No unsaved changes")
        self.save_label.setText(text)
        self.save_label.setProperty("dirty", "yes" if dirty else "")
        self.save_label.style().unpolish(self.save_label)
        self.save_label.style().polish(self.save_label)

    def save(self) -> bool:
        """Ctrl+S: save the grid's edits if the grid is open, else the form's. False if nothing was written."""
        return self.saving.save()

    def revert(self) -> None:
        self.saving.revert()

    def confirm_leave(self) -> bool:
        """Before switching or closing: save, discard or cancel unsaved edits. True means go ahead."""
        return self.saving.confirm_leave()

    def _fit_screen(self) -> None:
        """Never larger than the screen's free area (1366×768 at 150 % leaves 910×512 points)."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        if self.width() > free.width() or self.height() > free.height():
            self.resize(min(self.width(), free.width()), min(self.height(), free.height()))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.activateWindow()  # the keyboard comes to the program's window as it opens

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.ctx is None:  # closed while the store was still opening: nothing to save
            event.accept()
            return
        if not self.confirm_leave():
            event.ignore()
            return
        self.save_settings()
        event.accept()

    # ---- messages, comments, history ---------------------------------------------------------------------
    def _go_to_field(self, code: str) -> None:
        """A message naming a field was chosen (ui/issue_list.py): the form, with the cursor in that field."""
        self.tabs.setCurrentIndex(FORM_TAB)
        self.form_view.focus_field(code)

    def edit_comment(self) -> None:
        """Ctrl+M: the grid asks for the current cell's comment; the form jumps to the field's comment box."""
        if self.tabs.currentIndex() == GRID_TAB:
            self.grid.edit_comment()
        else:
            self.form_view.focus_comment()

    def show_history(self, code: str | None = None) -> None:
        code = code or self.form_view.current_code()
        if not code:
            self.statusBar().showMessage(self.tr("Put the cursor in a field to see its history"), 4000)
            return
        from .history_dialog import HistoryDialog

        try:
            HistoryDialog(self.ctx, self.current_org(), self.current_year(), code, self).exec()
        except JzError as exc:
            dialogs.show_error(self, self.tr("History"), exc)

    def show_guide(self) -> None:
        from .help import GuideDialog

        GuideDialog(self).exec()

    def show_about(self) -> None:
        from .help import show_about

        show_about(self, self.ctx)
