using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Readiness.Data.SqlServer.Tests;

/// <summary>
/// The SQL Server migrations, parsed by ScriptDom and folded into one DacFx schema model: the model takes object
/// definitions only, so ALTER TABLE ... ADD, ALTER COLUMN, DROP CONSTRAINT and DROP INDEX are applied to the CREATE
/// statements they change before the model sees them, and procedure calls (sp_refreshview) that define nothing are
/// left out.
/// </summary>
internal static class Migrations
{
    public static IEnumerable<string> Files()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "database", "sqlserver")))
        {
            directory = directory.Parent;
        }

        return Directory.GetFiles(Path.Combine(directory!.FullName, "database", "sqlserver"), "*.sql").Order(StringComparer.Ordinal);
    }

    public static IList<ParseError> Parse(string sql, out TSqlFragment? tree)
    {
        tree = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    /// <summary>
    /// The schema after every migration, or after those whose file name sorts before <paramref name="before"/>, as a
    /// DacFx model (not yet validated).
    /// </summary>
    public static TSqlModel BuildModel(string? before = null)
    {
        var schema = new List<TSqlStatement>();
        foreach (var file in Files().Where(f => before is null || string.CompareOrdinal(Path.GetFileName(f), before) < 0))
        {
            Parse(File.ReadAllText(file), out var tree);
            foreach (var statement in ((TSqlScript)tree!).Batches.SelectMany(b => b.Statements))
            {
                Apply(schema, statement);
            }
        }

        var generator = new Sql160ScriptGenerator();
        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        for (var i = 0; i < schema.Count; i++)
        {
            generator.GenerateScript(schema[i], out var script);
            model.AddObjects(script);
        }

        return model;
    }

    private static void Apply(List<TSqlStatement> schema, TSqlStatement statement)
    {
        switch (statement)
        {
            case AlterTableAddTableElementStatement add:
                var table = Table(schema, add.SchemaObjectName);
                foreach (var column in add.Definition.ColumnDefinitions)
                {
                    table.Definition.ColumnDefinitions.Add(column);
                }

                foreach (var constraint in add.Definition.TableConstraints)
                {
                    table.Definition.TableConstraints.Add(constraint);
                }

                break;
            case AlterTableAlterColumnStatement alter:
                var target = Table(schema, alter.SchemaObjectName).Definition.ColumnDefinitions
                    .Single(c => c.ColumnIdentifier.Value.Equals(alter.ColumnIdentifier.Value, StringComparison.OrdinalIgnoreCase));
                target.DataType = alter.DataType ?? target.DataType;
                target.Collation = alter.Collation ?? target.Collation;
                break;
            case AlterTableDropTableElementStatement dropElements:
                var owner = Table(schema, dropElements.SchemaObjectName).Definition;
                foreach (var element in dropElements.AlterTableDropTableElements)
                {
                    if (element.TableElementType != TableElementType.Constraint)
                    {
                        throw new NotSupportedException($"DROP {element.TableElementType} {element.Name.Value}: fold it into the model here first");
                    }

                    var removed = RemoveNamed(owner.TableConstraints, element.Name);
                    foreach (var column in owner.ColumnDefinitions)
                    {
                        removed += RemoveNamed(column.Constraints, element.Name);
                    }

                    if (removed != 1)
                    {
                        throw new InvalidOperationException($"DROP CONSTRAINT {element.Name.Value}: no such constraint on {dropElements.SchemaObjectName.BaseIdentifier.Value}");
                    }
                }

                break;
            case ExecuteStatement:
                break;
            case DropIndexStatement drop:
                foreach (var clause in drop.DropIndexClauses.OfType<DropIndexClause>())
                {
                    schema.RemoveAll(s => s is CreateIndexStatement index
                        && index.Name.Value.Equals(clause.Index.Value, StringComparison.OrdinalIgnoreCase)
                        && index.OnName.BaseIdentifier.Value.Equals(clause.Object.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase));
                }

                break;
            default:
                schema.Add(statement);
                break;
        }
    }

    private static int RemoveNamed<T>(IList<T> constraints, Identifier name)
        where T : ConstraintDefinition
    {
        var named = constraints.Where(c => c.ConstraintIdentifier?.Value.Equals(name.Value, StringComparison.OrdinalIgnoreCase) == true).ToList();
        foreach (var constraint in named)
        {
            constraints.Remove(constraint);
        }

        return named.Count;
    }

    private static CreateTableStatement Table(List<TSqlStatement> schema, SchemaObjectName name) =>
        schema.OfType<CreateTableStatement>().Single(t => t.SchemaObjectName.BaseIdentifier.Value.Equals(name.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase));
}
