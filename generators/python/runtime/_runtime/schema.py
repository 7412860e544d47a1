"""Typed view of the generated `_schema.py` module (plain dicts) used by the query compiler."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import Any, Dict, List, Mapping, Optional, Tuple, cast


@dataclass
class FieldInfo:
    name: str
    kind: str  # 'scalar' | 'enum' | 'relation'
    type: str
    db_name: str
    is_list: bool
    required: bool
    default: Optional[Dict[str, Any]]
    updated_at: bool
    native_type: Optional[Tuple[str, List[str]]]
    enum: Optional[str]
    relation_name: Optional[str] = None
    fields: List[str] = field(default_factory=lambda: [])
    references: List[str] = field(default_factory=lambda: [])
    back_field: Optional[str] = None
    join_table: Optional[Dict[str, Any]] = None

    @property
    def is_relation(self) -> bool:
        return self.kind == 'relation'

    @property
    def is_scalar(self) -> bool:
        return self.kind != 'relation'


@dataclass
class ModelInfo:
    name: str
    db_name: str
    schema: Optional[str]
    id: List[str]
    compound_keys: Dict[str, List[str]]
    unique: List[List[str]]
    fields: Dict[str, FieldInfo]

    @cached_property
    def scalar_fields(self) -> List[FieldInfo]:
        return [f for f in self.fields.values() if f.is_scalar and f.type != 'Unsupported']

    @cached_property
    def key_fields(self) -> List[str]:
        """Fields identifying a row: the primary key, else the first unique criterion."""
        if self.id:
            return list(self.id)
        if self.unique:
            return list(self.unique[0])
        return [f.name for f in self.scalar_fields]


@dataclass
class EnumInfo:
    name: str
    db_name: str
    values: Dict[str, str]  # name -> database value
    reverse: Dict[str, str]  # database value -> name


@dataclass
class RelationLink:
    """How two models are joined for one relation field.

    kind 'inline': foreign key columns live on one of the two tables; `local` fields (on the model that
    owns the relation field) equal `remote` fields (on the related model).
    kind 'join_table': implicit many-to-many through `table` with `self_column`/`other_column`.
    """

    kind: str
    related: 'ModelInfo'
    local: List[str]
    remote: List[str]
    fk_here: bool
    table: Optional[str] = None
    table_schema: Optional[str] = None
    self_column: str = 'A'
    other_column: str = 'B'


class SchemaInfo:
    def __init__(self, module: ModuleType) -> None:
        self.provider: str = cast(str, getattr(module, 'PROVIDER'))
        self.interface: str = cast(str, getattr(module, 'INTERFACE', 'asyncio'))
        self.datasource: Dict[str, Any] = dict(cast(Mapping[str, Any], getattr(module, 'DATASOURCE')))
        self.schema_path: str = cast(str, getattr(module, 'SCHEMA_PATH', ''))
        self.models: Dict[str, ModelInfo] = {}
        self.enums: Dict[str, EnumInfo] = {}
        raw_enums = cast(Mapping[str, Mapping[str, Any]], getattr(module, 'ENUMS', {}))
        for name, data in raw_enums.items():
            values = {str(k): str(v) for k, v in cast(Mapping[str, Any], data.get('values', {})).items()}
            self.enums[name] = EnumInfo(name, str(data.get('db_name', name)), values, {v: k for k, v in values.items()})
        raw_models = cast(Mapping[str, Mapping[str, Any]], getattr(module, 'MODELS'))
        for name, data in raw_models.items():
            fields: Dict[str, FieldInfo] = {}
            for fname, fd in cast(Mapping[str, Mapping[str, Any]], data['fields']).items():
                native = fd.get('native_type')
                fields[fname] = FieldInfo(
                    name=fname,
                    kind=str(fd.get('kind', 'scalar')),
                    type=str(fd.get('type')),
                    db_name=str(fd.get('db_name') or fname),
                    is_list=bool(fd.get('list', False)),
                    required=bool(fd.get('required', False)),
                    default=cast(Optional[Dict[str, Any]], fd.get('default')),
                    updated_at=bool(fd.get('updated_at', False)),
                    native_type=(str(native[0]), [str(a) for a in native[1]]) if native else None,
                    enum=cast(Optional[str], fd.get('enum')),
                    relation_name=cast(Optional[str], fd.get('relation_name')),
                    fields=list(cast(List[str], fd.get('fields') or [])),
                    references=list(cast(List[str], fd.get('references') or [])),
                    back_field=cast(Optional[str], fd.get('back_field')),
                    join_table=cast(Optional[Dict[str, Any]], fd.get('join_table')),
                )
            self.models[name] = ModelInfo(
                name=name,
                db_name=str(data.get('db_name') or name),
                schema=cast(Optional[str], data.get('schema')),
                id=list(cast(List[str], data.get('id') or [])),
                compound_keys={str(k): list(v) for k, v in cast(Mapping[str, List[str]], data.get('compound_keys') or {}).items()},
                unique=[list(u) for u in cast(List[List[str]], data.get('unique') or [])],
                fields=fields,
            )

    def link(self, model: ModelInfo, rel: FieldInfo) -> RelationLink:
        related = self.models[rel.type]
        if rel.join_table:
            jt = rel.join_table
            return RelationLink(
                kind='join_table', related=related, local=list(model.id), remote=list(related.id), fk_here=False,
                table=str(jt['table']), table_schema=cast(Optional[str], jt.get('schema')),
                self_column=str(jt.get('self_column', 'A')), other_column=str(jt.get('other_column', 'B')),
            )
        if rel.fields:
            return RelationLink('inline', related, list(rel.fields), list(rel.references), True)
        back = related.fields.get(rel.back_field or '')
        if back is None or not back.fields:
            # Fall back to searching the related model for the field that points back to us.
            for cand in related.fields.values():
                if cand.is_relation and cand.type == model.name and cand.relation_name == rel.relation_name and cand.fields:
                    back = cand
                    break
        if back is None or not back.fields:
            raise RuntimeError(f'Cannot resolve relation {model.name}.{rel.name}')
        return RelationLink('inline', related, list(back.references), list(back.fields), False)
