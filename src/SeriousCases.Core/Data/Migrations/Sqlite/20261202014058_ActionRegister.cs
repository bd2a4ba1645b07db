using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeriousCases.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every activity keeps its first commitment, so a re-plan can be measured against it.
            migrationBuilder.Sql("UPDATE \"AgreedActivities\" SET \"FirstDueOn\" = \"DueOn\" WHERE \"FirstDueOn\" IS NULL;");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ChannelReference",
                table: "Notifications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Notifications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginDescription",
                table: "AgreedActivities",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferralId",
                table: "AgreedActivities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedCompleteOn",
                table: "AgreedActivities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SupersededByActivityId",
                table: "AgreedActivities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityContributors",
                columns: table => new
                {
                    AgreedActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerTeamId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityContributors", x => new { x.AgreedActivityId, x.OwnerTeamId });
                    table.ForeignKey(
                        name: "FK_ActivityContributors_AgreedActivities_AgreedActivityId",
                        column: x => x.AgreedActivityId,
                        principalTable: "AgreedActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityContributors_OwnerTeams_OwnerTeamId",
                        column: x => x.OwnerTeamId,
                        principalTable: "OwnerTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityUpdates_AgreedActivities_AgreedActivityId",
                        column: x => x.AgreedActivityId,
                        principalTable: "AgreedActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DueDateChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ToDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueDateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DueDateChanges_AgreedActivities_AgreedActivityId",
                        column: x => x.AgreedActivityId,
                        principalTable: "AgreedActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DaysAfterDue = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationSteps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OwnerTeamMembers",
                columns: table => new
                {
                    OwnerTeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerTeamMembers", x => new { x.OwnerTeamId, x.UserId });
                    table.ForeignKey(
                        name: "FK_OwnerTeamMembers_OwnerTeams_OwnerTeamId",
                        column: x => x.OwnerTeamId,
                        principalTable: "OwnerTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OwnerTeamMembers_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OwnerTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromTeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToTeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivitiesMoved = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnerTransfers_OwnerTeams_FromTeamId",
                        column: x => x.FromTeamId,
                        principalTable: "OwnerTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OwnerTransfers_OwnerTeams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "OwnerTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedViews_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityEscalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EscalationStepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityEscalations_AgreedActivities_AgreedActivityId",
                        column: x => x.AgreedActivityId,
                        principalTable: "AgreedActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityEscalations_EscalationSteps_EscalationStepId",
                        column: x => x.EscalationStepId,
                        principalTable: "EscalationSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_AccountableDirectorGeneral",
                table: "AgreedActivities",
                column: "AccountableDirectorGeneral",
                filter: "\"AccountableDirectorGeneral\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_Open_DueOn",
                table: "AgreedActivities",
                columns: new[] { "DueOn", "Id" },
                filter: "\"Status\" IN ('NotStarted', 'InProgress')");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_Origin_Status",
                table: "AgreedActivities",
                columns: new[] { "Origin", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_OwnerTeamId_DueOn_Id",
                table: "AgreedActivities",
                columns: new[] { "OwnerTeamId", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_OwnerTeamId_Status_DueOn",
                table: "AgreedActivities",
                columns: new[] { "OwnerTeamId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_ReferralId",
                table: "AgreedActivities",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActivities_SupersededByActivityId",
                table: "AgreedActivities",
                column: "SupersededByActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityContributors_OwnerTeamId",
                table: "ActivityContributors",
                column: "OwnerTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEscalations_AgreedActivityId_EscalationStepId_DueOn",
                table: "ActivityEscalations",
                columns: new[] { "AgreedActivityId", "EscalationStepId", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEscalations_EscalationStepId",
                table: "ActivityEscalations",
                column: "EscalationStepId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEscalations_RaisedOn",
                table: "ActivityEscalations",
                column: "RaisedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityUpdates_AgreedActivityId_At",
                table: "ActivityUpdates",
                columns: new[] { "AgreedActivityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityUpdates_Kind_At",
                table: "ActivityUpdates",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DueDateChanges_AgreedActivityId_At",
                table: "DueDateChanges",
                columns: new[] { "AgreedActivityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationSteps_Code",
                table: "EscalationSteps",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnerTeamMembers_UserId",
                table: "OwnerTeamMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnerTransfers_FromTeamId",
                table: "OwnerTransfers",
                column: "FromTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnerTransfers_ToTeamId",
                table: "OwnerTransfers",
                column: "ToTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_UserId_Name",
                table: "SavedViews",
                columns: new[] { "UserId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AgreedActivities_AgreedActivities_SupersededByActivityId",
                table: "AgreedActivities",
                column: "SupersededByActivityId",
                principalTable: "AgreedActivities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AgreedActivities_Referrals_ReferralId",
                table: "AgreedActivities",
                column: "ReferralId",
                principalTable: "Referrals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgreedActivities_AgreedActivities_SupersededByActivityId",
                table: "AgreedActivities");

            migrationBuilder.DropForeignKey(
                name: "FK_AgreedActivities_Referrals_ReferralId",
                table: "AgreedActivities");

            migrationBuilder.DropTable(
                name: "ActivityContributors");

            migrationBuilder.DropTable(
                name: "ActivityEscalations");

            migrationBuilder.DropTable(
                name: "ActivityUpdates");

            migrationBuilder.DropTable(
                name: "DueDateChanges");

            migrationBuilder.DropTable(
                name: "OwnerTeamMembers");

            migrationBuilder.DropTable(
                name: "OwnerTransfers");

            migrationBuilder.DropTable(
                name: "SavedViews");

            migrationBuilder.DropTable(
                name: "EscalationSteps");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_AccountableDirectorGeneral",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_Open_DueOn",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_Origin_Status",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_OwnerTeamId_DueOn_Id",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_OwnerTeamId_Status_DueOn",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_ReferralId",
                table: "AgreedActivities");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActivities_SupersededByActivityId",
                table: "AgreedActivities");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ChannelReference",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "OriginDescription",
                table: "AgreedActivities");

            migrationBuilder.DropColumn(
                name: "ReferralId",
                table: "AgreedActivities");

            migrationBuilder.DropColumn(
                name: "ReportedCompleteOn",
                table: "AgreedActivities");

            migrationBuilder.DropColumn(
                name: "SupersededByActivityId",
                table: "AgreedActivities");
        }
    }
}
