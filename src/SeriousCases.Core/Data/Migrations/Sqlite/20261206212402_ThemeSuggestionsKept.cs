using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThemeSuggestionsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ThemeSuggestion",
                table: "InsightItems",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThemeSuggestion",
                table: "Findings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ThemeModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Model = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TrainedOn = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOut = table.Column<int>(type: "INTEGER", nullable: false),
                    Accuracy = table.Column<double>(type: "REAL", nullable: false),
                    TopThreeAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeModels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_UpdatedAt",
                table: "Findings",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ThemeModels_TrainedAt",
                table: "ThemeModels",
                column: "TrainedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ThemeModels");

            migrationBuilder.DropIndex(
                name: "IX_Findings_UpdatedAt",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ThemeSuggestion",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "ThemeSuggestion",
                table: "Findings");
        }
    }
}
