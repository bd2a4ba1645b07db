using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InsightRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_InsightItems_ServiceLines_ServiceLineId",
                table: "InsightItems");

            migrationBuilder.DropIndex(
                name: "IX_InsightItems_Reference",
                table: "InsightItems");

            migrationBuilder.DropIndex(
                name: "IX_InsightItems_SourceId",
                table: "InsightItems");
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClosedByUserId",
                table: "Referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LearningCaptured",
                table: "Referrals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResponseDays",
                table: "InsightSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "Severity",
                table: "InsightItems",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "ExternalReference",
                table: "InsightItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "InvestigationId",
                table: "InsightItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RespondedOn",
                table: "InsightItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "InsightItems",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.CreateTable(
                name: "InsightItemServiceLines",
                columns: table => new
                {
                    InsightItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceLineId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightItemServiceLines", x => new { x.InsightItemId, x.ServiceLineId });
                    table.ForeignKey(
                        name: "FK_InsightItemServiceLines_InsightItems_InsightItemId",
                        column: x => x.InsightItemId,
                        principalTable: "InsightItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InsightItemServiceLines_ServiceLines_ServiceLineId",
                        column: x => x.ServiceLineId,
                        principalTable: "ServiceLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Existing items keep their reference (now the source's reference) and their service line.
            migrationBuilder.Sql("""
                UPDATE "InsightItems" SET "ExternalReference" = "Reference";
                INSERT INTO "InsightItemServiceLines" ("InsightItemId", "ServiceLineId")
                SELECT "Id", "ServiceLineId" FROM "InsightItems" WHERE "ServiceLineId" IS NOT NULL;
                """);

            migrationBuilder.DropIndex(
                name: "IX_InsightItems_ServiceLineId",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "ServiceLineId",
                table: "InsightItems");

            migrationBuilder.AddColumn<Guid>(
                name: "ReferralId",
                table: "InsightItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightItems_ReferralId",
                table: "InsightItems",
                column: "ReferralId");

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RelatedType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RelatedId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelinessTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessTargets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InsightItems_InvestigationId",
                table: "InsightItems",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_InsightItems_SourceId_ExternalReference",
                table: "InsightItems",
                columns: new[] { "SourceId", "ExternalReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightItems_Summary_FullText",
                table: "InsightItems",
                column: "Summary")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "english");

            migrationBuilder.CreateIndex(
                name: "IX_InsightItemServiceLines_ServiceLineId",
                table: "InsightItemServiceLines",
                column: "ServiceLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId",
                table: "Notifications",
                column: "RecipientUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "SentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelinessTargets_Code",
                table: "TimelinessTargets",
                column: "Code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_InsightItems_Investigations_InvestigationId",
                table: "InsightItems",
                column: "InvestigationId",
                principalTable: "Investigations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_InsightItems_Referrals_ReferralId",
                table: "InsightItems",
                column: "ReferralId",
                principalTable: "Referrals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_InsightItems_Investigations_InvestigationId",
                table: "InsightItems");

            migrationBuilder.DropForeignKey(
                name: "FK_InsightItems_Referrals_ReferralId",
                table: "InsightItems");

            migrationBuilder.DropTable(
                name: "InsightItemServiceLines");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "TimelinessTargets");

            migrationBuilder.DropIndex(
                name: "IX_InsightItems_InvestigationId",
                table: "InsightItems");

            migrationBuilder.DropIndex(
                name: "IX_InsightItems_SourceId_ExternalReference",
                table: "InsightItems");

            migrationBuilder.DropIndex(
                name: "IX_InsightItems_Summary_FullText",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ClosedByUserId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "LearningCaptured",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ResponseDays",
                table: "InsightSources");

            migrationBuilder.DropColumn(
                name: "ExternalReference",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "InvestigationId",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "RespondedOn",
                table: "InsightItems");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "InsightItems");

            migrationBuilder.RenameColumn(
                name: "ReferralId",
                table: "InsightItems",
                newName: "ServiceLineId");

            migrationBuilder.RenameIndex(
                name: "IX_InsightItems_ReferralId",
                table: "InsightItems",
                newName: "IX_InsightItems_ServiceLineId");

            migrationBuilder.AlterColumn<int>(
                name: "Severity",
                table: "InsightItems",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "InsightItems",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_InsightItems_Reference",
                table: "InsightItems",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightItems_SourceId",
                table: "InsightItems",
                column: "SourceId");

            migrationBuilder.AddForeignKey(
                name: "FK_InsightItems_ServiceLines_ServiceLineId",
                table: "InsightItems",
                column: "ServiceLineId",
                principalTable: "ServiceLines",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
