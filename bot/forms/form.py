"""A declared form: fields in order, a preview, and what to do with the typed result.

The kernel drives every form the same way, so a capability only declares it:

- in a chat (Telegram, the console, a Slack DM) it asks field by field with buttons,
  asks again with the message of a :class:`~bot.router.Refusal` raised by a parser, and
  ends in a preview with confirm, change one field, or discard;
- where a native form can be opened (a Slack modal from a slash command or a button) it
  sends all fields at once, answers a submission with the errors next to the fields or
  with the preview, and finishes on the preview's submission.

The answers live in the conversation row (``flow`` = the form's name, ``step`` = the field
asked or ``preview``), so a restart resumes where the person was. ``finish`` gets the
form's pydantic model, inside the update's transaction: a Refusal it raises rolls back
everything, the end of the conversation included, and is answered by the core.

Buttons carry ``<field index>:<choice value>`` or a word starting with ``.``: choice
values must be short and must not start with ``.``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from bot import markup
from bot.arguments import number
from bot.context import Context, MemberContext
from bot.forms import words
from bot.forms.fields import Choice, Draft, Field, Kind, Several
from bot.models import CALLBACK_LIMIT, Button, FieldView, FormView, Outgoing
from bot.router import Access, HandlerResult, Invalid, Refusal, Router, as_list

Model = TypeVar("Model", bound=BaseModel)
PREVIEW = "preview"
MODAL = "modal"  # the fields are out in a native form; the next thing is its submission
Preview = Callable[[Context, Draft, str], Awaitable[str | Outgoing | list[Outgoing]]]
"""The preview's text, or its message (with a title), or its messages (the last one gets
the preview's buttons)."""
Discarded = Callable[[Context, Draft], Awaitable[HandlerResult]]
Sample = Callable[[Context, Draft], Awaitable[list[Outgoing]]]


@dataclass
class Form(Generic[Model]):
    """A form's declaration. ``action`` is the short button action of its buttons
    (``f.ev``); ``title`` and ``confirm`` are catalog keys (the modal's title, the label
    that confirms the preview). ``preview`` may rewrite the preview text (it gets the
    default list of labels and values), or return the message or messages that show it (a
    card as others will see it), and may :meth:`remember` what it showed; ``sample`` gives
    the messages shown before the preview in a chat (the result as its readers will get
    it). ``confirm`` may depend on the answers (a function of the draft giving the key).
    ``stale`` answers buttons of a form that is over. ``language_field``: the answer of that
    field is the language of the questions after it. ``unclear``: the catalog key said
    before the preview is shown again after a typed answer it does not understand.
    ``discarded``: what discarding answers (the conversation has ended; it may start
    another), instead of ``cancel.done``.

    Values in ``initial`` for model fields that are not asked (an invitation code, the id
    of what is edited) reach ``finish`` unchanged."""

    name: str
    action: str
    model: type[Model]
    fields: list[Field]
    title: str
    # (ctx, data): a MemberContext for a form of members (Access.MEMBER), else a Context
    finish: Callable[[Any, Model], Awaitable[HandlerResult]]
    access: Access = Access.MEMBER
    gated: bool = True
    also: Callable[[Context], bool] | None = None
    preview: Preview | None = None
    sample: Sample | None = None
    confirm: str | Callable[[Draft], str] = "form.confirm"
    stale: str = "form.stale"
    discard: str = "form.discard"
    language_field: str | None = None
    unclear: str | None = None
    discarded: Discarded | None = None
    native: bool = True  # may be shown as a native form (a Slack modal)
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {f.name: i for i, f in enumerate(self.fields)}
        unknown = [f.name for f in self.fields if f.name not in self.model.model_fields]
        if unknown:
            raise ValueError(f"form {self.name}: fields not in its model: {unknown}")
        worst = f"{self.action}|{len(self.fields)}:.change"
        if len(worst.encode()) > CALLBACK_LIMIT:
            raise ValueError(f"form {self.name}: action {self.action!r} too long")

    # starting ---------------------------------------------------------------------------

    async def begin(
        self,
        ctx: Context,
        initial: Mapping[str, Any] | None = None,
        *,
        edit: bool = False,
        only: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> list[Outgoing]:
        """Start the form: as a native form where the update allows it, else with the
        first question. ``initial`` fills fields in advance; with ``edit`` they are the
        current values, shown with every question and kept on skip. ``only`` asks that
        one field and finishes on its answer, without a preview (a profile's "change the
        name", where what is shown after saving is the check). ``extra`` is kept in the
        conversation state beside the answers for as long as the form runs (where the
        person came from, such as a deep link's payload)."""
        draft = Draft(self.model, {})
        for name, value in (initial or {}).items():
            draft = draft.with_value(name, value)
        state: dict[str, Any] = {**(extra or {}), "v": draft.raw, "edit": edit}
        if self.native and ctx.incoming.form_trigger:  # all fields at once, "only" or not
            await ctx.set_conversation(self.name, MODAL, state)
            return [await self._native(ctx, draft)]
        if only is not None:
            await ctx.set_conversation(self.name, only, {**state, "only": only})
            return [await self._ask(ctx, self.fields[self._index[only]], draft, edit)]
        first = await self._next(ctx, draft, -1, edit)
        if first is None:
            await ctx.set_conversation(self.name, PREVIEW, state)
            return await self._preview(ctx, draft)
        await ctx.set_conversation(self.name, first.name, state)
        return await self._question(ctx, first, draft, edit)

    async def resume(self, ctx: Context) -> list[Outgoing]:
        """The open question (or the preview) again, for someone who lost their place."""
        if not self._active(ctx):
            return await self.begin(ctx)
        assert ctx.conversation is not None
        draft, step = self._draft(ctx), ctx.conversation.step
        self._apply_language(ctx, draft)
        if step == PREVIEW:
            return await self._preview(ctx, draft)
        if step not in self._index:
            return await self.begin(ctx, draft.raw, edit=self._editing(ctx))
        return [await self._ask(ctx, self.fields[self._index[step]], draft, self._editing(ctx))]

    def install(self, router: Router) -> None:
        """Register the form's typed answers and buttons with the router."""
        router.flow(self.name, gated=self.gated)(self._typed)
        router.action(self.action, access=self.access, gated=self.gated, also=self.also)(
            self._pressed
        )

    # the state --------------------------------------------------------------------------

    def _draft(self, ctx: Context) -> Draft:
        data = ctx.conversation.data if ctx.conversation else {}
        return Draft(self.model, dict(data.get("v", {})))

    def _editing(self, ctx: Context) -> bool:
        return bool(ctx.conversation and ctx.conversation.data.get("edit"))

    def _active(self, ctx: Context) -> bool:
        return ctx.conversation is not None and ctx.conversation.flow == self.name

    def _only(self, ctx: Context) -> str | None:
        only = ctx.conversation.data.get("only") if ctx.conversation else None
        return str(only) if only else None

    async def _save(self, ctx: Context, step: str, draft: Draft, edit: bool) -> None:
        """The answers so far; what ``begin`` kept beside them stays."""
        kept = ctx.conversation.data if self._active(ctx) and ctx.conversation else {}
        await ctx.set_conversation(self.name, step, {**kept, "v": draft.raw, "edit": edit})

    async def remember(self, ctx: Context, name: str, value: Any) -> None:
        """Keep a value beside the answers, e.g. the count a preview showed: ``finish``
        gets it in the model (``name`` is a field of the model that no question asks), so
        it can check that it still holds."""
        if name in self._index or name not in self.model.model_fields:
            raise ValueError(f"form {self.name}: {name!r} is not a model-only field")
        if not self._active(ctx):
            return
        assert ctx.conversation is not None
        draft = self._draft(ctx).with_value(name, value)
        await self._save(ctx, ctx.conversation.step, draft, self._editing(ctx))

    def _confirm(self, draft: Draft) -> str:
        return self.confirm(draft) if callable(self.confirm) else self.confirm

    def _apply_language(self, ctx: Context, draft: Draft) -> None:
        if self.language_field and draft.raw.get(self.language_field) in ("de", "en"):
            ctx.lang = str(draft.raw[self.language_field])

    # chat: questions --------------------------------------------------------------------

    async def _next(self, ctx: Context, draft: Draft, after: int, edit: bool) -> Field | None:
        """The field to ask after the one at ``after``: the next that applies; when
        changing one field of a full form, only one that applies and has no answer yet."""
        state = ctx.conversation if self._active(ctx) else None
        ahead = state.data.get("ahead", []) if state is not None else []
        for candidate in self.fields[after + 1 :]:
            if not candidate.applies(draft):
                continue
            if (edit or candidate.name in ahead) and candidate.name in draft.raw:
                continue  # answered already (or by an earlier answer: a range's end)
            return candidate
        return None

    async def _ask(self, ctx: Context, asked: Field, draft: Draft, edit: bool) -> Outgoing:
        """One field's question with its buttons (and the current value when there is one)."""
        self._apply_language(ctx, draft)
        index = self._index[asked.name]
        text = ctx.t(asked.prompt, **await asked.parameters(ctx, draft))
        has_value = asked.name in draft.raw and draft.raw[asked.name] not in (None, [], "")
        if has_value and edit:
            text += "\n\n" + ctx.t("form.current", value=await asked.shown(ctx, draft))
        rows: list[list[Button]] = []
        options = await asked.options(ctx, draft)
        if asked.kind in (Kind.CHOICE, Kind.YES_NO):
            row = [self._button(c.text(ctx), f"{index}:{c.value}") for c in options]
            rows = _rows(row, 2 if asked.kind == Kind.YES_NO else asked.columns)
        elif asked.kind == Kind.MULTI:
            chosen = set(map(str, draft.raw.get(asked.name) or []))
            marked = [
                self._button(
                    ("✅ " if c.value in chosen else "▫️ ") + c.text(ctx), f"{index}:{c.value}"
                )
                for c in options
            ]
            rows = _rows(marked, asked.columns)
            rows.append([self._button(ctx.t("form.next"), f"{index}:.done")])
        extra = []
        if has_value and edit:
            extra.append(self._button(ctx.t("form.keep"), f"{index}:.keep"))
        elif asked.optional and asked.kind != Kind.MULTI:
            extra.append(self._button(ctx.t("form.skip"), f"{index}:.skip"))
        if extra:
            rows.append(extra)
        return Outgoing(text=text, buttons=rows)

    async def _question(
        self, ctx: Context, asked: Field, draft: Draft, edit: bool
    ) -> list[Outgoing]:
        """Ask ``asked``; a required choice with nothing to offer is not asked: the person
        is told so and asked the field before it again (its answer led here)."""
        nothing = asked.kind in (Kind.CHOICE, Kind.MULTI) and not asked.optional
        nothing = nothing and not asked.typed_entries  # typed entries need no choices
        if nothing and not await asked.options(ctx, draft):
            before = [f for f in self.fields[: self._index[asked.name]] if f.applies(draft)]
            if before:
                await self._save(ctx, before[-1].name, draft, edit)
                empty = ctx.reply(asked.empty or "form.nothing_to_choose")
                return [empty, await self._ask(ctx, before[-1], draft, edit)]
        return [await self._ask(ctx, asked, draft, edit)]

    def _button(self, label: str, arg: str) -> Button:
        return Button(label=label, action=self.action, arg=arg)

    # chat: answers ----------------------------------------------------------------------

    async def _typed(self, ctx: Context, text: str) -> HandlerResult:
        """A typed answer to the open question (or to the preview)."""
        assert ctx.conversation is not None  # the router runs a flow only while it is open
        draft, step = self._draft(ctx), ctx.conversation.step
        self._apply_language(ctx, draft)
        if step == PREVIEW:
            return await self._preview_typed(ctx, draft, text)
        if step == MODAL or step not in self._index:
            return await self.begin(ctx, draft.raw, edit=self._editing(ctx))
        asked = self.fields[self._index[step]]
        try:
            value = await self._read_typed(ctx, asked, text, draft)
        except Refusal as problem:
            question = await self._question(ctx, asked, draft, self._editing(ctx))
            if asked.kind in (Kind.CHOICE, Kind.YES_NO) and len(question) == 1:
                # one message: the refusal, the question again, the choices' buttons
                text = f"{problem.reply(ctx).text}\n\n{question[0].text}"
                return question[0].model_copy(update={"text": text})
            return [problem.reply(ctx), *question]
        if isinstance(value, _Ambiguous):
            return value.question
        return await self._accept(ctx, asked, draft, value)

    async def _read_typed(self, ctx: Context, asked: Field, text: str, draft: Draft) -> Any:
        """A typed answer as the field's value; ``_KEEP`` keeps the current one."""
        said = words.word(text)
        if said in words.SKIP:
            if asked.name in draft.raw and self._editing(ctx):
                return _KEEP
            if asked.optional:
                return [] if asked.kind == Kind.MULTI else None
        if asked.kind == Kind.YES_NO:
            if said in words.YES:
                return True
            if said in words.NO:
                return False
        if asked.kind == Kind.MULTI and said in words.DONE:
            return _chosen(asked, draft)
        options = await asked.options(ctx, draft)
        if asked.kind in (Kind.CHOICE, Kind.YES_NO) and asked.parse is not None:
            # a field that also reads typed values (a date, a name): a label typed exactly
            # or its number picks it, then the parser; a loose match only if that refuses
            labels = [c.text(ctx) for c in options]
            exact = words.exact(text, labels)
            if exact is not None:
                return _choice_value(asked, options[exact])
            try:
                return await asked.read(ctx, text, draft)
            except Refusal:
                found = words.match(text, labels)
                if len(found) == 1:
                    return _choice_value(asked, options[found[0]])
                raise
        if asked.kind in (Kind.CHOICE, Kind.YES_NO):
            found = words.match(text, [c.text(ctx) for c in options])
            if len(found) == 1:
                return _choice_value(asked, options[found[0]])
            if len(found) > 1:
                return self._ambiguous(ctx, asked, [options[i] for i in found], text)
            shown = ", ".join(c.text(ctx) for c in options)
            raise Invalid("form.no_such_choice", {"answer": text.strip()[:60], "choices": shown})
        if asked.kind == Kind.MULTI and asked.parse is None:
            return self._many(ctx, text, options)
        if not text.strip() and not asked.optional:
            raise Invalid("error.empty")
        return await asked.read(ctx, text, draft)

    def _many(self, ctx: Context, text: str, options: list[Choice]) -> list[str]:
        labels = [c.text(ctx) for c in options]
        chosen: list[str] = []
        for part in text.replace(";", ",").split(","):
            if not part.strip():
                continue
            found = words.match(part, labels)
            if len(found) != 1:
                raise Invalid(
                    "form.no_such_choice",
                    {"answer": part.strip()[:60], "choices": ", ".join(labels)},
                )
            if options[found[0]].value not in chosen:
                chosen.append(options[found[0]].value)
        return chosen

    def _ambiguous(
        self, ctx: Context, asked: Field, candidates: list[Choice], text: str
    ) -> _Ambiguous:
        index = self._index[asked.name]
        names = ", ".join(c.text(ctx) for c in candidates)
        buttons = [[self._button(c.text(ctx), f"{index}:{c.value}")] for c in candidates]
        question = ctx.reply(
            "form.ambiguous", answer=text.strip()[:60], names=names, buttons=buttons
        )
        return _Ambiguous(question)

    async def _accept(self, ctx: Context, asked: Field, draft: Draft, value: Any) -> HandlerResult:
        """Store one answer and ask what comes next (the preview when all is answered)."""
        edit = self._editing(ctx)
        if isinstance(value, Several):  # it answers later fields too: they are not asked
            for name, also in value.also.items():
                draft = draft.with_value(name, also)
            if ctx.conversation is not None:
                ahead = [*ctx.conversation.data.get("ahead", []), *value.also]
                ctx.conversation.data["ahead"] = ahead
            value = value.value
        if value is not _KEEP:
            draft = draft.with_value(asked.name, value)
        self._apply_language(ctx, draft)
        if self._only(ctx) == asked.name:
            return await self._finish(ctx, draft)
        following = await self._next(ctx, draft, self._index[asked.name], edit)
        if following is None:
            await self._save(ctx, PREVIEW, draft, edit)
            return await self._preview(ctx, draft)
        await self._save(ctx, following.name, draft, edit)
        return await self._question(ctx, following, draft, edit)

    async def _pressed(self, ctx: Context, arg: str) -> HandlerResult:
        """A button of this form: an answer, or one of the preview's."""
        if arg == ".open":  # a native form again (the first one could not be opened)
            if not self._active(ctx):
                return ctx.reply(self.stale)
            return await self.begin(ctx, self._draft(ctx).raw, edit=self._editing(ctx))
        if arg in (".submit", ".confirm") and ctx.incoming.form_values is not None:
            return await self._submitted(ctx, arg)
        if not self._active(ctx):
            return ctx.reply(self.stale)
        assert ctx.conversation is not None
        draft, step = self._draft(ctx), ctx.conversation.step
        self._apply_language(ctx, draft)
        if arg.startswith("."):
            if step != PREVIEW:
                return ctx.reply(self.stale)
            return await self._preview_pressed(ctx, draft, arg)
        head, _, value = arg.partition(":")
        index = number(head, 0, len(self.fields) - 1)
        if index is None:
            return ctx.reply(self.stale)
        asked = self.fields[index]
        if value == ".change" and step == PREVIEW:
            await self._save(ctx, asked.name, draft, True)
            return await self._ask(ctx, asked, draft, True)
        if step != asked.name:
            return ctx.reply(self.stale)
        return await self._button_answer(ctx, asked, draft, value)

    async def _button_answer(
        self, ctx: Context, asked: Field, draft: Draft, value: str
    ) -> HandlerResult:
        if value == ".keep":
            return await self._accept(ctx, asked, draft, _KEEP)
        if value == ".skip" and asked.optional:
            return await self._accept(ctx, asked, draft, None)
        if value == ".done" and asked.kind == Kind.MULTI:
            return await self._accept(ctx, asked, draft, _chosen(asked, draft))
        options = {c.value: c for c in await asked.options(ctx, draft)}
        if value not in options and asked.kind == Kind.YES_NO:
            return ctx.reply(self.stale)
        if value not in options:  # gone since the buttons were shown: say so, ask again
            problem = await self._gone(ctx, asked, value, draft)
            again = await self._question(ctx, asked, draft, self._editing(ctx))
            return [problem.reply(ctx), *again]
        if asked.kind == Kind.MULTI:  # toggle, and show the question again in place
            chosen = [str(v) for v in draft.raw.get(asked.name) or []]
            chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
            draft = draft.with_value(asked.name, chosen)
            await self._save(ctx, asked.name, draft, self._editing(ctx))
            question = await self._ask(ctx, asked, draft, self._editing(ctx))
            return question.model_copy(update={"replace": True})
        return await self._accept(ctx, asked, draft, _choice_value(asked, options[value]))

    async def _gone(self, ctx: Context, asked: Field, value: str, draft: Draft) -> Refusal:
        """Why a pressed choice is not offered any more: the field's own reason, if any."""
        try:
            if asked.gone is not None:
                await asked.gone(ctx, value, draft)
        except Refusal as problem:
            return problem
        return Invalid("form.choice_gone")

    # the preview ------------------------------------------------------------------------

    async def _listing(self, ctx: Context, draft: Draft) -> str:
        lines = [
            f"{ctx.t(f.label)}: {await f.shown(ctx, draft)}"
            for f in self.fields
            if f.applies(draft)
        ]
        return "\n".join(lines)

    async def _preview_messages(self, ctx: Context, draft: Draft) -> list[Outgoing]:
        listing = await self._listing(ctx, draft)
        shown = await self.preview(ctx, draft, listing) if self.preview is not None else None
        if shown is None:
            return [Outgoing(text=ctx.t("form.preview", listing=listing))]
        if isinstance(shown, str):
            return [Outgoing(text=shown)]
        return [shown] if isinstance(shown, Outgoing) else shown

    async def _preview_text(self, ctx: Context, draft: Draft) -> str:
        """The preview as one text (a native form's), its messages' titles and texts."""
        parts = []
        for message in await self._preview_messages(ctx, draft):
            text = markup.plain(message.text) if message.markup else message.text
            parts += [part for part in (message.title, text) if part]
        return "\n\n".join(parts)

    async def _preview(self, ctx: Context, draft: Draft) -> list[Outgoing]:
        shown = await self.sample(ctx, draft) if self.sample is not None else []
        first = [self._button(ctx.t(self._confirm(draft)), ".ok")]
        if any(f.applies(draft) for f in self.fields):  # a bare confirmation has none
            first.append(self._button(ctx.t("form.change"), ".edit"))
        buttons = [first, [self._button(ctx.t(self.discard), ".no")]]
        *messages, last = await self._preview_messages(ctx, draft)
        done = last.model_copy(update={"buttons": [*last.buttons, *buttons]})
        return [*shown, *messages, done]

    async def _preview_typed(self, ctx: Context, draft: Draft, text: str) -> HandlerResult:
        said = words.word(text)
        if said in words.YES or words.fold(text) == words.fold(ctx.t(self._confirm(draft))):
            return await self._finish(ctx, draft)
        if said in words.NO or words.fold(text) == words.fold(ctx.t(self.discard)):
            return await self._discard(ctx, draft)
        applying = [f for f in self.fields if f.applies(draft)]
        found = words.match(text, [ctx.t(f.label) for f in applying])
        if len(found) == 1:  # "Titel" or "Ort": change that field
            await self._save(ctx, applying[found[0]].name, draft, True)
            return await self._ask(ctx, applying[found[0]], draft, True)
        if self.unclear is not None:
            return [ctx.reply(self.unclear), *await self._preview(ctx, draft)]
        return await self._preview(ctx, draft)

    async def _preview_pressed(self, ctx: Context, draft: Draft, arg: str) -> HandlerResult:
        if arg == ".ok":
            return await self._finish(ctx, draft)
        if arg == ".no":
            return await self._discard(ctx, draft)
        if arg == ".edit":
            rows = [
                [self._button(ctx.t(f.label), f"{self._index[f.name]}:.change")]
                for f in self.fields
                if f.applies(draft)
            ]
            return ctx.reply("form.which_field", buttons=rows)
        return ctx.reply(self.stale)

    async def _discard(self, ctx: Context, draft: Draft) -> HandlerResult:
        await ctx.end_conversation()
        if self.discarded is not None:
            return await self.discarded(ctx, draft)
        return ctx.reply("cancel.done")

    async def _finish(self, ctx: Context, draft: Draft) -> HandlerResult:
        """The typed result to the form's ``finish``; the conversation ends with it (a
        Refusal from ``finish`` rolls both back)."""
        missing = [
            f
            for f in self.fields
            if f.applies(draft) and not f.optional and f.name not in draft.raw
        ]
        if missing:  # a field that came to apply by a change: ask it first
            await self._save(ctx, missing[0].name, draft, True)
            return await self._ask(ctx, missing[0], draft, True)
        values = {
            name: value
            for name, value in draft.raw.items()
            if name in self.model.model_fields and name not in self._index
        }  # not asked: given by ``initial``
        values.update({f.name: draft.raw.get(f.name) for f in self.fields if f.applies(draft)})
        data = self.model.model_validate(values)
        await ctx.end_conversation()
        if self.access == Access.MEMBER and not isinstance(ctx, MemberContext):
            raise Invalid("error.not_registered")  # the router lets only members in
        return as_list(await self.finish(ctx, data))

    # native forms -----------------------------------------------------------------------

    async def _native(
        self, ctx: Context, draft: Draft, errors: dict[str, str] | None = None
    ) -> Outgoing:
        """All fields at once, for a platform that shows forms (a Slack modal)."""
        views = []
        for item in self.fields:
            options = [] if item.typed_entries else await item.options(ctx, draft)
            choosing = item.kind in (Kind.CHOICE, Kind.MULTI) and not item.typed_entries
            if choosing and item.optional and not options:
                continue  # nothing to choose: a native form cannot show an empty choice
            views.append(
                FieldView(
                    name=item.name,
                    kind=Kind.TEXT.value if item.typed_entries else item.kind.value,
                    label=ctx.t(item.label),
                    hint=ctx.t(item.hint, **await item.parameters(ctx, draft)) if item.hint else "",
                    # with pickers the text may stay empty: the kernel checks the whole
                    optional=item.optional or item.when is not None or bool(item.pickers),
                    max_length=item.max_length,
                    choices=[(c.value, c.text(ctx)) for c in options],
                    initial=_initial(item, draft),
                    pickers=[
                        (name, ctx.t(item.picker_label or item.label, number=n))
                        for n, name in enumerate(item.picker_names, start=1)
                    ],
                )
            )
        view = FormView(
            action=self.action,
            title=ctx.t(self.title),
            submit=ctx.t("form.to_preview"),
            fields=views,
            errors=errors or {},
        )
        again = [[self._button(ctx.t("form.open"), ".open")]]
        return Outgoing(text=ctx.t(self.title), buttons=again, form=view)

    async def _submitted(self, ctx: Context, arg: str) -> HandlerResult:
        """A native form's submission: its fields (errors next to them, or the preview),
        or the preview confirmed."""
        if not self._active(ctx):
            return ctx.reply(self.stale)
        if arg == ".confirm":
            return await self._finish(ctx, self._draft(ctx))
        raw = ctx.incoming.form_values or {}
        draft, errors = self._draft(ctx), {}
        for item in self.fields:
            if not item.applies(draft):
                continue
            try:
                if item.pickers:
                    value = await self._read_picked(ctx, item, raw, draft)
                else:
                    value = await self._read_native(ctx, item, raw.get(item.name), draft)
            except _Misread as problem:
                errors[problem.block] = problem.text
                continue
            except Refusal as problem:
                errors[item.name] = problem.reply(ctx).text
                continue
            if isinstance(value, Several):  # a modal asks each of those fields itself
                value = value.value
            draft = draft.with_value(item.name, value)
        if errors:
            return await self._native(ctx, draft, errors)
        await self._save(ctx, PREVIEW, draft, self._editing(ctx))
        preview = await self._preview_text(ctx, draft)
        view = FormView(
            action=self.action,
            title=ctx.t(self.title),
            submit=ctx.t(self._confirm(draft)),
            preview=preview,
        )
        return Outgoing(text=preview, form=view)

    async def _read_native(
        self, ctx: Context, item: Field, given: str | list[str] | None, draft: Draft
    ) -> Any:
        """One submitted field, read by the same parser as a typed answer; picked
        choices must still be offered."""
        empty = given is None or given == "" or given == []
        if empty:
            if item.optional:  # a `when` field is read here only when it applies
                return [] if item.kind == Kind.MULTI else None
            raise Invalid("form.required")
        options = {c.value: c for c in await item.options(ctx, draft)}
        if item.typed_entries and isinstance(given, str):  # the entries typed, as one text
            return await item.read(ctx, given, draft.without(item.name))
        if item.kind == Kind.MULTI:
            picked = given if isinstance(given, list) else [given]  # type: ignore[list-item]
            if any(v not in options for v in picked):
                raise Invalid("form.choice_gone")
            return list(picked)
        text = given if isinstance(given, str) else given[0]  # type: ignore[index]
        if item.kind in (Kind.CHOICE, Kind.YES_NO):
            if text not in options:
                raise Invalid("form.choice_gone")
            return _choice_value(item, options[text])
        if item.kind == Kind.DATETIME and text.startswith("@"):
            text = _picked_text(ctx, text)
        if item.kind == Kind.DATE and len(text) == 10 and text[4] == "-":
            text = f"{text[8:10]}.{text[5:7]}.{text[0:4]}"
        return await item.read(ctx, text, draft)

    async def _read_picked(
        self, ctx: Context, item: Field, raw: Mapping[str, Any], draft: Draft
    ) -> Any:
        """A field of several moments: the typed text, then each picked moment as a line,
        read by the field's parser as one typed answer. A refusal is shown next to the
        block that caused it: the first whose entry, with those before it, gets the same
        refusal (a picked date in the past, the same date twice, one too many)."""
        entries: list[tuple[str, str]] = []
        typed = raw.get(item.name)
        if isinstance(typed, str) and typed.strip():
            entries.append((item.name, typed.strip()))
        for name in item.picker_names:
            picked = raw.get(name)
            if isinstance(picked, str) and picked.startswith("@"):
                try:
                    entries.append((name, _picked_text(ctx, picked)))
                except Refusal as problem:
                    raise _Misread(name, problem.reply(ctx).text) from problem
        if not entries:
            if item.optional:
                return None
            raise Invalid("form.required")
        try:
            return await item.read(ctx, "\n".join(text for _, text in entries), draft)
        except Refusal as problem:
            said = problem.reply(ctx).text
            for end in range(1, len(entries)):
                try:
                    await item.read(ctx, "\n".join(text for _, text in entries[:end]), draft)
                except Refusal as earlier:
                    if earlier.reply(ctx).text == said:
                        raise _Misread(entries[end - 1][0], said) from problem
            raise _Misread(entries[-1][0], said) from problem


class _Misread(Exception):
    """A native form's refusal meant for one block of a field (one of its pickers)."""

    def __init__(self, block: str, text: str) -> None:
        super().__init__(text)
        self.block = block
        self.text = text


def _picked_text(ctx: Context, picked: str) -> str:
    """A picker's ``@<unix seconds>`` as the typed date and time the parsers read."""
    moment = number(picked[1:], 0, 253_402_300_799)
    if moment is None:
        raise Invalid("form.required")
    return datetime.fromtimestamp(moment, ctx.zone).strftime("%d.%m.%Y %H:%M")


class _Keep:
    """Keep the current value (skip while changing)."""


_KEEP: Any = _Keep()


@dataclass
class _Ambiguous:
    question: Outgoing


def _chosen(asked: Field, draft: Draft) -> Any:
    """What "next" means for a multiple choice: what is ticked; a required one needs one."""
    if draft.raw.get(asked.name):
        return _KEEP
    if not asked.optional:
        raise Invalid("form.required")
    return []


def _choice_value(asked: Field, choice: Choice) -> Any:
    if asked.kind == Kind.YES_NO:
        return choice.value == "yes"
    return choice.value


def _rows(buttons: list[Button], columns: int) -> list[list[Button]]:
    columns = max(1, columns)
    return [buttons[i : i + columns] for i in range(0, len(buttons), columns)]


def _initial(item: Field, draft: Draft) -> str | list[str] | None:
    """A field's current value as a native form wants it."""
    raw = draft.raw.get(item.name)
    if raw is None:
        return None
    if item.kind == Kind.DATETIME:
        return f"@{int(draft[item.name].timestamp())}"
    if item.kind == Kind.YES_NO:
        return "yes" if raw else "no"
    if isinstance(raw, list):
        values = [str(v) for v in raw]
        return ", ".join(values) if item.typed_entries else values
    return str(raw)
