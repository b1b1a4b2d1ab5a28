<#ftl encoding="UTF-8">
<#-- Names the other company and what it offers that the customer needs; what it looks for only in the second request
     (youOffer is empty for the first customer asked: the other side has not consented yet). Nothing else about them. -->
Hi ${customer.preferredName},
<#if introduction.reminder?has_content>

A short reminder of my question from a few days ago; I would be glad
to hear from you either way.
</#if>

Now and then I come across customers of ours who could genuinely help
each other. Right now I am thinking of ${introduction.otherCompany}<#if introduction.youNeed?has_content>:
they offer ${introduction.youNeed}, which you are looking for</#if><#if introduction.youOffer?has_content><#if introduction.youNeed?has_content>, and<#else>:</#if>
they are looking for ${introduction.youOffer}, which you offer</#if>.

Would you like me to introduce you? I will only pass on your contact
details if the other side agrees as well – until then, neither of you
learns anything about the other beyond a note like this one.

Yes, please introduce us:
${links.consentYes}

No, thank you:
${links.consentNo}

There is no obligation either way, and your answer won't change
anything about how we work together. If you have questions first, just
reply to this email.

Warm regards,
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
You are receiving this email as a customer of
${company.name}.
If you would rather not receive emails like this, unsubscribe here:
${links.unsubscribe}
</#if>
