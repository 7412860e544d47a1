#include "core/sql/migration_steps.hpp"

namespace prismapp::sql {

const char* step_name(const Step& step) {
  struct Namer {
    const char* operator()(const CreateSchema&) const { return "CreateSchema"; }
    const char* operator()(const DropExtension&) const { return "DropExtension"; }
    const char* operator()(const CreateExtension&) const { return "CreateExtension"; }
    const char* operator()(const AlterExtension&) const { return "AlterExtension"; }
    const char* operator()(const DropView&) const { return "DropView"; }
    const char* operator()(const CreateEnum&) const { return "CreateEnum"; }
    const char* operator()(const AlterEnum&) const { return "AlterEnum"; }
    const char* operator()(const DropForeignKey&) const { return "DropForeignKey"; }
    const char* operator()(const DropIndex&) const { return "DropIndex"; }
    const char* operator()(const AlterTable&) const { return "AlterTable"; }
    const char* operator()(const AlterPrimaryKey&) const { return "AlterPrimaryKey"; }
    const char* operator()(const DropTable&) const { return "DropTable"; }
    const char* operator()(const DropEnum&) const { return "DropEnum"; }
    const char* operator()(const CreateTable&) const { return "CreateTable"; }
    const char* operator()(const RedefineTables&) const { return "RedefineTables"; }
    const char* operator()(const CreateIndex&) const { return "CreateIndex"; }
    const char* operator()(const RenameForeignKey&) const { return "RenameForeignKey"; }
    const char* operator()(const AddForeignKey&) const { return "AddForeignKey"; }
    const char* operator()(const RenameIndex&) const { return "RenameIndex"; }
    const char* operator()(const RedefineIndex&) const { return "RedefineIndex"; }
  };
  return std::visit(Namer{}, step);
}

}  // namespace prismapp::sql
