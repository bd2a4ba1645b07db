using SeriousCases.Core.Panel;

namespace SeriousCases.Tests.Panel;

/// <summary>Who may be recorded at a meeting: deputies only on behalf of a member of the day who gave apologies and
/// with the Chair's agreement; nobody both present and giving apologies; someone chairing for the Chair says for whom.</summary>
public sealed class AttendanceRulesTests
{
    private static readonly DateOnly March19 = new(2020, 3, 19);

    private static readonly PanelMembership[] Members =
    [
        new() { Role = PanelRole.Chair, PersonName = "Hayley Tatum", JobTitle = "Non-Executive Director", From = March19 },
        new() { Role = PanelRole.DirectorGeneral, PersonName = "Nick Joicey", JobTitle = "Director General for Finance", From = March19 },
        new() { Role = PanelRole.DirectorGeneral, PersonName = "Jonathan Mills", JobTitle = "Director General for Policy", From = March19 },
        new() { Role = PanelRole.DirectorGeneral, PersonName = "Left Earlier", JobTitle = "Director General", From = March19, To = new DateOnly(2020, 6, 30) },
    ];

    private static MeetingAttendance Entry(AttendanceKind kind, string name, string? onBehalfOf = null) =>
        new() { Kind = kind, PersonName = name, OnBehalfOf = onBehalfOf, ChairAgreedDeputy = onBehalfOf is not null };

    private static readonly MeetingAttendance[] WithApologies = [Entry(AttendanceKind.Apologies, "Nick Joicey")];

    private static Dictionary<string, string> Errors(Attendee a, IReadOnlyList<MeetingAttendance> others, DateOnly? on = null) =>
        AttendanceRules.Check(a, others, AttendanceRules.MembersOn(Members, on ?? March19), on ?? March19).All.ToDictionary(e => e.Field, e => e.Message);

    [Fact]
    public void A_deputy_for_a_member_who_gave_apologies_with_the_chairs_agreement_is_accepted()
    {
        Assert.Empty(Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", "Nick Joicey", true, false), WithApologies));
        // Or with the member's apologies recorded at the same time.
        Assert.Empty(Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", "Nick Joicey", true, true), []));
    }

    [Fact]
    public void A_deputy_without_the_chairs_agreement_is_refused()
    {
        var errors = Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", "Nick Joicey", false, false), WithApologies);
        Assert.Equal("Confirm that the Chair agreed to the deputy. Deputies attend only with the Chair’s agreement", errors["chairAgreedDeputy"]);
    }

    [Fact]
    public void A_deputy_must_name_a_member_of_the_panel_on_the_meeting_date()
    {
        Assert.Equal("Select the member the deputy attends on behalf of",
            Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", null, true, true), [])["onBehalfOf"]);
        Assert.Equal("Sara Weller was not a member of the Panel on 19 March 2020. A deputy can only attend on behalf of a member",
            Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", "Sara Weller", true, true), [])["onBehalfOf"]);
        // A member whose membership ended before the meeting is not a member on its date.
        Assert.Contains("was not a member of the Panel on 2 July 2020",
            Errors(new Attendee(AttendanceKind.Deputy, "Mary Pattison", "Left Earlier", true, true), [], new DateOnly(2020, 7, 2))["onBehalfOf"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_deputys_member_must_be_recorded_in_apologies_or_added_to_them()
    {
        var errors = Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", "Nick Joicey", true, false), []);
        Assert.Equal("Nick Joicey is not recorded as giving apologies. Select ‘Also record apologies from the member’, or add their apologies first", errors["addApologies"]);
    }

    [Fact]
    public void A_deputy_cannot_stand_in_for_a_member_who_is_present_or_already_has_a_deputy()
    {
        Assert.Contains("is recorded as present", Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", "Nick Joicey", true, true), [Entry(AttendanceKind.Member, "Nick Joicey")])["onBehalfOf"], StringComparison.Ordinal);
        Assert.Equal("Mary Pattison already attends on behalf of Nick Joicey",
            Errors(new Attendee(AttendanceKind.Deputy, "Laura Squire", "Nick Joicey", true, false), [.. WithApologies, Entry(AttendanceKind.Deputy, "Mary Pattison", "Nick Joicey")])["onBehalfOf"]);
    }

    [Fact]
    public void One_person_cannot_be_both_present_and_giving_apologies()
    {
        var present = Errors(new Attendee(AttendanceKind.Member, "nick  joicey", null, false, false), WithApologies);
        Assert.Equal("nick joicey is recorded as giving apologies. One person cannot be both present and giving apologies: remove their apologies first", present["personName"]);
        var apologies = Errors(new Attendee(AttendanceKind.Apologies, "Jonathan Mills", null, false, false), [Entry(AttendanceKind.Member, "Jonathan Mills")]);
        Assert.Equal("Jonathan Mills is recorded as present (a member). One person cannot be both present and giving apologies: remove them from those present first", apologies["personName"]);
    }

    [Fact]
    public void The_same_person_is_not_recorded_twice()
    {
        Assert.Equal("Fiona Jones is already recorded as a presenter. Change that entry instead of adding them again",
            Errors(new Attendee(AttendanceKind.AdditionalAttendee, "Fiona Jones", null, false, false), [Entry(AttendanceKind.Presenter, "Fiona Jones")])["personName"]);
    }

    [Fact]
    public void The_kind_and_a_name_are_needed()
    {
        var errors = Errors(new Attendee(null, " ", null, false, false), []);
        Assert.Equal("Select how the person attends", errors["kind"]);
        Assert.Equal("Enter the person's name", errors["personName"]);
    }

    [Fact]
    public void An_apology_a_deputy_rests_on_cannot_be_removed()
    {
        var apology = Entry(AttendanceKind.Apologies, "Nick Joicey");
        Assert.Equal("Laura Squire attends on behalf of Nick Joicey. Remove or change the deputy before removing Nick Joicey’s apologies",
            AttendanceRules.RemovalError(apology, [Entry(AttendanceKind.Deputy, "Laura Squire", "Nick Joicey")]));
        Assert.Null(AttendanceRules.RemovalError(apology, []));
    }

    [Fact]
    public void Someone_chairing_for_the_chair_is_recorded_with_who_they_chair_for()
    {
        var chair = Members[0];
        Assert.Empty(AttendanceRules.CheckChair("Sara Weller", "Hayley Tatum", chair, March19).All);
        Assert.Empty(AttendanceRules.CheckChair("Hayley Tatum", null, chair, March19).All);
        Assert.Equal("Sara Weller was not the Chair of the Panel on 19 March 2020. Enter who they chaired on behalf of (the Chair was Hayley Tatum)",
            AttendanceRules.CheckChair("Sara Weller", null, chair, March19).All.Single(e => e.Field == "chairOnBehalfOf").Message);
        Assert.Contains("The Chair of the Panel on 19 March 2020 was Hayley Tatum, not Nick Joicey",
            AttendanceRules.CheckChair("Sara Weller", "Nick Joicey", chair, March19).All.Single().Message, StringComparison.Ordinal);
        Assert.Equal("chairName", AttendanceRules.CheckChair(null, "Hayley Tatum", chair, March19).All.Single().Field);
    }

    [Fact]
    public void Members_and_deputies_share_one_order_as_the_minutes_list_them()
    {
        Assert.True(AttendanceRules.SharesOrder(AttendanceKind.Member, AttendanceKind.Deputy));
        Assert.False(AttendanceRules.SharesOrder(AttendanceKind.Member, AttendanceKind.Apologies));
    }
}
